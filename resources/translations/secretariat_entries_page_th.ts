<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>no entry number in the name</source>
        <translation>ชื่อไฟล์ไม่มีรหัสผลงาน</translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>ไม่มีผลงานรหัสนี้</translation>
    </message>
    <message>
        <source>same file twice</source>
        <translation>ไฟล์ซ้ำ</translation>
    </message>
    <message>
        <source>name already used</source>
        <translation>ชื่อไฟล์ซ้ำกับไฟล์อื่น</translation>
    </message>
    <message>
        <source>unsafe name</source>
        <translation>ชื่อไฟล์ไม่ปลอดภัย</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>ไฟล์ใหญ่เกินไป</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>ไฟล์ว่าง</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>ไม่ได้อ่าน</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Line</source>
        <translation>บรรทัด</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation>ข้อมูลที่ต่างกัน</translation>
    </message>
</context>
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
<context>
    <name>FileProblemsModel</name>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>สาเหตุ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
</context>
<context>
    <name>FoundFilesModel</name>
    <message>
        <source>No.</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <source>already attached</source>
        <translation>แนบไว้แล้ว</translation>
    </message>
    <message>
        <source>new</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <source>Not a PDF, PNG or JPEG: a judge opens it with another program</source>
        <translation>ไม่ใช่ PDF, PNG หรือ JPEG: กรรมการต้องเปิดด้วยโปรแกรมอื่น</translation>
    </message>
    <message>
        <source>%1 (added as %2)</source>
        <translation>%1 (แนบในชื่อ %2)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Entry number</source>
        <translation>รหัสผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Type of local government</source>
        <translation>ประเภท อปท.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Project title</source>
        <translation>ชื่อผลงาน</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>สรุปผลงาน</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>ผู้ประสานงาน</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>โทรศัพท์ผู้ประสานงาน</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>อีเมลผู้ประสานงาน</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>ข้อมูลผู้ประสานงาน</translation>
    </message>
</context>
<context>
    <name>RowProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>บรรทัด</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>ปัญหา</translation>
    </message>
</context>
</TS>
