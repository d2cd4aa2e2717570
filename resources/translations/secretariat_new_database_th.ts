<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>NewContestDialog</name>
    <message>
        <source>New contest database</source>
        <translation>สร้างฐานข้อมูลการประกวดใหม่</translation>
    </message>
    <message>
        <source>A contest database is made from the contest&apos;s contest.json (its attachments are read from the folder beside it). The bundles are signed with the secretariat key: make a new one, locked with a passphrase, or use the key file of an earlier round. No file is ever overwritten.</source>
        <translation>ฐานข้อมูลการประกวดสร้างจากไฟล์ contest.json ของการประกวด (เอกสารแนบอ่านจากโฟลเดอร์เดียวกับไฟล์นั้น) ชุดผลงานจะลงนามด้วยกุญแจของฝ่ายเลขานุการ จะสร้างกุญแจใหม่ที่ล็อกด้วยรหัสผ่าน หรือใช้ไฟล์กุญแจของรอบก่อนก็ได้ โปรแกรมไม่เขียนทับไฟล์ใดเลย</translation>
    </message>
    <message>
        <source>contest.json</source>
        <translation>ไฟล์ contest.json</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>ไฟล์ฐานข้อมูลใหม่</translation>
    </message>
    <message>
        <source>Make a &amp;new secretariat key</source>
        <translation>สร้างกุญแจใหม่ของฝ่ายเลขานุการ (&amp;N)</translation>
    </message>
    <message>
        <source>Use an &amp;existing key file</source>
        <translation>ใช้ไฟล์กุญแจที่มีอยู่ (&amp;E)</translation>
    </message>
    <message>
        <source>Secretariat key</source>
        <translation>กุญแจของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>ไฟล์กุญแจ</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>พิมพ์อีกครั้ง</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>สร้าง (&amp;C)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>The contest&apos;s contest.json</source>
        <translation>ไฟล์ contest.json ของการประกวด</translation>
    </message>
    <message>
        <source>Contest files (*.json)</source>
        <translation>ไฟล์การประกวด (*.json)</translation>
    </message>
    <message>
        <source>Contest databases (*%1)</source>
        <translation>ฐานข้อมูลการประกวด (*%1)</translation>
    </message>
    <message>
        <source>New secretariat key file</source>
        <translation>ไฟล์กุญแจใหม่ของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>ไฟล์กุญแจ (*.key)</translation>
    </message>
    <message>
        <source>Secretariat key file</source>
        <translation>ไฟล์กุญแจของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>ไฟล์กุญแจ (*.key);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>At least 10 characters; a few words you will remember.</source>
        <translation>อย่างน้อย 10 ตัวอักษร เช่น คำหลายคำที่ท่านจำได้</translation>
    </message>
    <message>
        <source>both match</source>
        <translation>ตรงกันทั้งสองช่อง</translation>
    </message>
    <message>
        <source>the two differ</source>
        <translation>ทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <source>Choose the contest.json, the new database file and the key file.</source>
        <translation>โปรดเลือกไฟล์ contest.json ไฟล์ฐานข้อมูลใหม่ และไฟล์กุญแจ</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name (a database is never overwritten).</source>
        <translation>มี %1 อยู่แล้ว โปรดตั้งชื่ออื่น (โปรแกรมไม่เขียนทับฐานข้อมูล)</translation>
    </message>
    <message>
        <source>%1 already exists; a key file is never overwritten. Choose another name, or use it as an existing key.</source>
        <translation>มี %1 อยู่แล้ว โปรแกรมไม่เขียนทับไฟล์กุญแจ โปรดตั้งชื่ออื่น หรือเลือกใช้เป็นไฟล์กุญแจที่มีอยู่</translation>
    </message>
    <message>
        <source>This passphrase is too weak; choose a longer one.</source>
        <translation>รหัสผ่านนี้คาดเดาง่ายเกินไป โปรดเลือกรหัสผ่านที่ยาวขึ้น</translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน โปรดพิมพ์ให้เหมือนกัน</translation>
    </message>
    <message>
        <source>Type the key file&apos;s passphrase.</source>
        <translation>โปรดพิมพ์รหัสผ่านของไฟล์กุญแจ</translation>
    </message>
    <message>
        <source>Making the contest database…</source>
        <translation>กำลังสร้างฐานข้อมูลการประกวด…</translation>
    </message>
</context>
</TS>
