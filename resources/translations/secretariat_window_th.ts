<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>SecretariatWindow</name>
    <message>
        <source>Entries</source>
        <extracomment>The pages in tab order; Ctrl+1 … Ctrl+6 follow it. Each is made as ``Page(session, parent)``. A contest database was opened (its path). Opening failed; the text says why (already shown).</extracomment>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>การมอบหมาย</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>ชุดผลงาน</translation>
    </message>
    <message>
        <source>Collect and merge</source>
        <translation>รับและรวมคะแนน</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>ผลการพิจารณา</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New contest database from a contest.json…</source>
        <translation>สร้างฐานข้อมูลการประกวดใหม่จาก contest.json… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open contest database…</source>
        <translation>เปิดฐานข้อมูลการประกวด… (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Recent contest databases</source>
        <translation>ฐานข้อมูลการประกวดที่เปิดล่าสุด (&amp;R)</translation>
    </message>
    <message>
        <source>Try the secretariat &amp;demo</source>
        <translation>ทดลองใช้ตัวอย่างของฝ่ายเลขานุการ (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Judge&apos;s window (score a bundle)</source>
        <translation>หน้าต่างของกรรมการ (ให้คะแนนชุดผลงาน) (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิดฐานข้อมูล (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>เกี่ยวกับโปรแกรม (&amp;A)</translation>
    </message>
    <message>
        <source>Digital Local Government — secretariat</source>
        <translation>ท้องถิ่นดิจิทัล — ฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Secretariat key %1</source>
        <translation>กุญแจของฝ่ายเลขานุการ %1</translation>
    </message>
    <message>
        <source>Open a contest database</source>
        <translation>เปิดฐานข้อมูลการประกวด</translation>
    </message>
    <message>
        <source>Contest databases (*%1)</source>
        <translation>ฐานข้อมูลการประกวด (*%1)</translation>
    </message>
    <message>
        <source>Contest database</source>
        <translation>ฐานข้อมูลการประกวด</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>เปิด %1 ไม่ได้</translation>
    </message>
    <message>
        <source>Preparing the demo contest database…</source>
        <translation>กำลังเตรียมฐานข้อมูลการประกวดตัวอย่าง…</translation>
    </message>
    <message>
        <source>The secretariat demo</source>
        <translation>ตัวอย่างของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>This demo contest has its bundles issued and its seven judges&apos; signed score files waiting to be merged.</source>
        <translation>การประกวดตัวอย่างนี้ออกชุดผลงานให้กรรมการแล้ว และมีไฟล์ผลคะแนนที่ลงนามแล้วของกรรมการทั้งเจ็ดท่านรอการรวมคะแนน</translation>
    </message>
    <message>
        <source>Score files: %1
Enrolment files: %2
The demo secretariat key&apos;s passphrase is “%3”.</source>
        <translation>ไฟล์ผลคะแนน: %1
ไฟล์ลงทะเบียนกุญแจ: %2
รหัสผ่านของกุญแจฝ่ายเลขานุการตัวอย่างคือ “%3”</translation>
    </message>
    <message>
        <source>The demo contest database could not be prepared.</source>
        <translation>เตรียมฐานข้อมูลการประกวดตัวอย่างไม่ได้</translation>
    </message>
    <message>
        <source>About</source>
        <translation>เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <source>The secretariat of the Digital Local Government award: entries, judges, bundles, score files and results, offline.</source>
        <translation>โปรแกรมของฝ่ายเลขานุการรางวัลท้องถิ่นดิจิทัล ใช้จัดการผลงาน กรรมการ ชุดผลงาน ไฟล์ผลคะแนน และผลการพิจารณา โดยไม่ต้องต่ออินเทอร์เน็ต</translation>
    </message>
    <message>
        <source>Every change is kept in the contest database file as it is made.</source>
        <translation>ทุกการเปลี่ยนแปลงบันทึกลงในไฟล์ฐานข้อมูลการประกวดทันที</translation>
    </message>
</context>
</TS>
