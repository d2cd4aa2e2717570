<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ContestEntriesModel</name>
    <message>
        <source>No.</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>เอกสารแนบ</translation>
    </message>
    <message>
        <source>No attachment yet</source>
        <translation>ยังไม่มีเอกสารแนบ</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>Import the application portal&apos;s export (CSV or Excel) and the folder of files the organisations sent. Nothing changes until you have seen what will be added and accepted it.</source>
        <translation>นำเข้าไฟล์ที่ส่งออกจากระบบรับสมัคร (CSV หรือ Excel) และโฟลเดอร์เอกสารที่หน่วยงานส่งมา ข้อมูลจะยังไม่เปลี่ยนแปลงจนกว่าท่านจะตรวจดูสิ่งที่จะเพิ่มและกดยืนยัน</translation>
    </message>
    <message>
        <source>Search by number, organisation, province or project…</source>
        <translation>ค้นหาด้วยรหัส หน่วยงาน จังหวัด หรือชื่อโครงการ…</translation>
    </message>
    <message>
        <source>Every word must appear (Ctrl+F)</source>
        <translation>แสดงเฉพาะแถวที่มีทุกคำที่พิมพ์ (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Import entries…</source>
        <translation>นำเข้าผลงาน… (&amp;I)</translation>
    </message>
    <message>
        <source>Add entries from the portal&apos;s CSV or Excel export</source>
        <translation>เพิ่มผลงานจากไฟล์ CSV หรือ Excel ที่ส่งออกจากระบบรับสมัคร</translation>
    </message>
    <message>
        <source>Add &amp;attachments from a folder…</source>
        <translation>เพิ่มเอกสารแนบจากโฟลเดอร์… (&amp;A)</translation>
    </message>
    <message>
        <source>Files named after an entry (E012_proposal.pdf) or in a folder named after it (E012/…)</source>
        <translation>ไฟล์ที่ชื่อขึ้นต้นด้วยรหัสผลงาน (เช่น E012_proposal.pdf) หรืออยู่ในโฟลเดอร์ที่ตั้งชื่อตามรหัสผลงาน (E012/…)</translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>ผลงาน %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>แสดงอยู่ %1 รายการ</translation>
    </message>
    <message numerus="yes">
        <source>without any attachment: %n</source>
        <translation>
            <numerusform>ยังไม่มีเอกสารแนบ %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries yet: import the portal&apos;s export to begin.</source>
        <translation>ยังไม่มีผลงาน: เริ่มจากนำเข้าไฟล์ที่ส่งออกจากระบบรับสมัคร</translation>
    </message>
    <message>
        <source>Choose the portal&apos;s export</source>
        <translation>เลือกไฟล์ที่ส่งออกจากระบบรับสมัคร</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>ตารางข้อมูล (*.csv *.xlsx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Choose the folder of attachments</source>
        <translation>เลือกโฟลเดอร์เอกสารแนบ</translation>
    </message>
    <message>
        <source>New entries added from %1: %2</source>
        <translation>เพิ่มผลงานใหม่จาก %1 แล้ว %2 รายการ</translation>
    </message>
    <message>
        <source>Files added from the folder %1: %2</source>
        <translation>เพิ่มเอกสารแนบจากโฟลเดอร์ %1 แล้ว %2 ไฟล์</translation>
    </message>
</context>
</TS>
