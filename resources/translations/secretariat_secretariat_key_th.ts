<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>SecretariatKeyDialog</name>
    <message>
        <source>Secretariat key</source>
        <translation>กุญแจของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>ไฟล์กุญแจ</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>The secretariat key&apos;s passphrase</source>
        <translation>รหัสผ่านของกุญแจฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Unlock and issue</source>
        <translation>ปลดล็อกและออกชุดผลงาน</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>โปรดพิมพ์รหัสผ่านก่อน</translation>
    </message>
    <message>
        <source>That passphrase is not correct. Nothing was changed. Check the keyboard language (Thai or English) and Caps Lock, then try again.</source>
        <translation>รหัสผ่านไม่ถูกต้อง ไม่มีสิ่งใดถูกเปลี่ยนแปลง โปรดตรวจสอบภาษาของแป้นพิมพ์ (ไทยหรืออังกฤษ) และปุ่ม Caps Lock แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>This key file holds another key (%1), not this contest&apos;s secretariat key.</source>
        <translation>ไฟล์นี้เป็นกุญแจอื่น (%1) ไม่ใช่กุญแจของฝ่ายเลขานุการสำหรับการประกวดนี้</translation>
    </message>
</context>
</TS>
