<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>BundlesPage</name>
    <message>
        <source>Folder for the bundles</source>
        <extracomment>Bundles written by the last issue (for the status line and tests).</extracomment>
        <translation>โฟลเดอร์สำหรับชุดผลงาน</translation>
    </message>
    <message>
        <source>(key file: %1)</source>
        <translation>(ไฟล์กุญแจ: %1)</translation>
    </message>
    <message>
        <source>(key file not found yet: you will be asked for it)</source>
        <translation>(ยังไม่พบไฟล์กุญแจ โปรแกรมจะถามเมื่อออกชุดผลงาน)</translation>
    </message>
    <message>
        <source>Issued for %1 judges; the last bundle at %2. A judge&apos;s older bundles are shown in grey.</source>
        <translation>ออกให้กรรมการแล้ว %1 ท่าน ชุดล่าสุดเมื่อ %2 ชุดผลงานเก่าของกรรมการแสดงเป็นสีเทา</translation>
    </message>
    <message>
        <source>No bundle has been issued for this round yet.</source>
        <translation>ยังไม่ได้ออกชุดผลงานของรอบนี้</translation>
    </message>
    <message>
        <source>Issue bundles</source>
        <translation>ออกชุดผลงาน</translation>
    </message>
    <message>
        <source>No judge has entries in this round yet: assign judges first.</source>
        <translation>ยังไม่มีกรรมการท่านใดได้รับมอบหมายผลงานในรอบนี้ โปรดมอบหมายกรรมการก่อน</translation>
    </message>
    <message>
        <source>Issue bundles again?</source>
        <translation>ออกชุดผลงานอีกครั้งหรือไม่</translation>
    </message>
    <message>
        <source>Bundles were already issued for this round. Issue a new bundle for every judge?</source>
        <translation>รอบนี้ออกชุดผลงานไปแล้ว ต้องการออกชุดผลงานใหม่ให้กรรมการทุกท่านหรือไม่</translation>
    </message>
    <message>
        <source>The new files replace those of the same name in the folder. Score files that judges make from their earlier bundles can still be merged.</source>
        <translation>ไฟล์ใหม่จะแทนที่ไฟล์ชื่อเดียวกันในโฟลเดอร์ ไฟล์ผลคะแนนที่กรรมการทำจากชุดผลงานเดิมยังรวมคะแนนได้ตามปกติ</translation>
    </message>
    <message>
        <source>Issue again</source>
        <translation>ออกอีกครั้ง</translation>
    </message>
    <message>
        <source>The secretariat key file of this contest</source>
        <translation>ไฟล์กุญแจของฝ่ายเลขานุการสำหรับการประกวดนี้</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>ไฟล์กุญแจ (*.key);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Unlock the secretariat key to sign %1 bundles, one for each judge, into %2.</source>
        <translation>ปลดล็อกกุญแจของฝ่ายเลขานุการเพื่อลงนามชุดผลงาน %1 ชุด (กรรมการท่านละหนึ่งชุด) ลงในโฟลเดอร์ %2</translation>
    </message>
    <message>
        <source>Issuing the bundles…</source>
        <translation>กำลังออกชุดผลงาน…</translation>
    </message>
    <message>
        <source>Issuing the bundle of judge %1 (%2 of %3)…</source>
        <translation>กำลังออกชุดผลงานของกรรมการ %1 (%2 จาก %3)…</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>✔ %1 bundles written to %2</source>
        <translation>✔ บันทึกชุดผลงาน %1 ชุดลงใน %2 แล้ว</translation>
    </message>
    <message>
        <source>Issuing stopped; the bundles made before the problem are listed.</source>
        <translation>การออกชุดผลงานหยุดลง ชุดผลงานที่ทำเสร็จก่อนเกิดปัญหาแสดงอยู่ในตาราง</translation>
    </message>
    <message>
        <source>Save the hand-out list</source>
        <translation>บันทึกบัญชีการส่งมอบชุดผลงาน</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the hand-out list…</source>
        <translation>กำลังจัดทำบัญชีการส่งมอบ…</translation>
    </message>
    <message>
        <source>✔ Hand-out list saved as %1</source>
        <translation>✔ บันทึกบัญชีการส่งมอบเป็น %1 แล้ว</translation>
    </message>
    <message>
        <source>Hand-out list</source>
        <translation>บัญชีการส่งมอบชุดผลงาน</translation>
    </message>
    <message>
        <source>The hand-out list could not be saved.</source>
        <translation>บันทึกบัญชีการส่งมอบไม่ได้</translation>
    </message>
    <message>
        <source>Issue the bundles</source>
        <translation>ออกชุดผลงานให้กรรมการ</translation>
    </message>
    <message>
        <source>Each judge gets one file, signed with the secretariat key, holding the entries assigned to them and their attachments. Issue all of them in one step into a folder, then print the hand-out list: which file goes to whom, with each file&apos;s SHA-256 and a line for the judge to sign on receipt.</source>
        <translation>กรรมการแต่ละท่านได้รับหนึ่งไฟล์ ซึ่งลงนามด้วยกุญแจของฝ่ายเลขานุการ และมีผลงานที่ได้รับมอบหมายพร้อมเอกสารแนบ ออกชุดผลงานของทุกท่านในครั้งเดียวลงในโฟลเดอร์ แล้วพิมพ์บัญชีการส่งมอบ ซึ่งระบุว่าไฟล์ใดเป็นของกรรมการท่านใด พร้อมค่า SHA-256 ของแต่ละไฟล์ และช่องให้กรรมการลงชื่อรับ</translation>
    </message>
    <message>
        <source>&amp;Round</source>
        <translation>รอบการพิจารณา (&amp;R)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>โฟลเดอร์ปลายทาง</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>เลือก… (&amp;C)</translation>
    </message>
    <message>
        <source>Secretariat key</source>
        <translation>กุญแจของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>&amp;Issue bundles for all judges</source>
        <translation>ออกชุดผลงานให้กรรมการทุกท่าน (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print the hand-out list…</source>
        <translation>พิมพ์บัญชีการส่งมอบ… (&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>เปิดโฟลเดอร์ (&amp;F)</translation>
    </message>
</context>
<context>
    <name>BundlesTableModel</name>
    <message>
        <source>Judge</source>
        <extracomment>Thai month abbreviations, as a table cell has room for (the PDF spells months out).</extracomment>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>ลายนิ้วมือ SHA-256</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>ออกเมื่อ</translation>
    </message>
    <message>
        <source>A later bundle was issued to this judge; this one still counts for score files made from it.</source>
        <translation>กรรมการท่านนี้ได้รับชุดผลงานที่ใหม่กว่าแล้ว ชุดนี้ยังใช้ได้สำหรับไฟล์ผลคะแนนที่ทำจากชุดนี้</translation>
    </message>
</context>
</TS>
