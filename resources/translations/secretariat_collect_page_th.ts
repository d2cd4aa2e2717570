<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>CollectPage</name>
    <message>
        <source>Drop the judges&apos; score files (.dlgscores) or a folder of them here</source>
        <extracomment>Kinds of change after which the dashboard is counted again. A merge finished; the list of MergeOutcome (already shown in the table). A merge could not run at all; the message (already shown). The tabs: the dashboard, the last drop&apos;s outcome, every file received.</extracomment>
        <translation>ลากไฟล์คะแนนของกรรมการ (.dlgscores) หรือโฟลเดอร์ที่เก็บไฟล์เหล่านั้นมาวางที่นี่</translation>
    </message>
    <message>
        <source>Each file is checked and merged whole or not at all; the same file dropped twice changes nothing.</source>
        <translation>ทุกไฟล์จะถูกตรวจสอบและรวมเข้าทั้งไฟล์หรือไม่รวมเลย วางไฟล์เดิมซ้ำก็ไม่มีอะไรเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Add &amp;score files…</source>
        <translation>เพิ่มไฟล์คะแนน (&amp;S)…</translation>
    </message>
    <message>
        <source>Add a &amp;folder…</source>
        <translation>เพิ่มทั้งโฟลเดอร์ (&amp;F)…</translation>
    </message>
    <message>
        <source>Enter a &amp;paper sheet…</source>
        <translation>บันทึกใบให้คะแนนกระดาษ (&amp;P)…</translation>
    </message>
    <message>
        <source>Type in the scores of a judge who scored on the printed sheet (typed twice, with the scan)</source>
        <translation>พิมพ์คะแนนของกรรมการที่ให้คะแนนบนใบพิมพ์ (พิมพ์สองรอบ พร้อมแนบภาพสแกน)</translation>
    </message>
    <message>
        <source>%v of %m files checked</source>
        <translation>ตรวจแล้ว %v จาก %m ไฟล์</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>ความคืบหน้า (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Last import</source>
        <translation>การนำเข้าล่าสุด (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;All files received</source>
        <translation>ไฟล์ที่ได้รับทั้งหมด (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Enrol this judge&apos;s key…</source>
        <translation>ลงทะเบียนกุญแจของกรรมการคนนี้… (&amp;E)</translation>
    </message>
    <message>
        <source>For a file refused because its judge has no key yet: check the key that signed it against the signed paper, enrol it, and merge the file again</source>
        <translation>สำหรับไฟล์ที่ถูกปฏิเสธเพราะกรรมการยังไม่มีกุญแจ: เทียบกุญแจที่ใช้ลงนามไฟล์กับเอกสารที่กรรมการลงนาม ลงทะเบียนกุญแจ แล้วรวมไฟล์นั้นอีกครั้ง</translation>
    </message>
    <message>
        <source>Other files left aside (not .dlgscores): %1</source>
        <translation>ไฟล์อื่นที่ข้ามไป (ไม่ใช่ .dlgscores): %1 ไฟล์</translation>
    </message>
    <message>
        <source>&amp;All files received (%1)</source>
        <translation>ไฟล์ที่ได้รับทั้งหมด (%1) (&amp;A)</translation>
    </message>
    <message>
        <source>Files are being merged; wait until that is done.</source>
        <translation>กำลังรวมไฟล์อยู่ กรุณารอให้เสร็จก่อน</translation>
    </message>
    <message>
        <source>No score files (.dlgscores) among what was given; nothing was imported.</source>
        <translation>ไม่พบไฟล์คะแนน (.dlgscores) ในสิ่งที่ให้มา จึงไม่ได้นำเข้าสิ่งใด</translation>
    </message>
    <message>
        <source>Checking %1 files…</source>
        <translation>กำลังตรวจสอบ %1 ไฟล์…</translation>
    </message>
    <message>
        <source>The files could not be merged: %1</source>
        <translation>รวมไฟล์ไม่ได้: %1</translation>
    </message>
    <message>
        <source>Merge stopped</source>
        <translation>การรวมไฟล์หยุดลง</translation>
    </message>
    <message>
        <source>Nothing of a file is merged unless all of it is; files already done are kept.</source>
        <translation>ไฟล์ใดจะถูกรวมก็ต่อเมื่อรวมได้ทั้งไฟล์เท่านั้น ไฟล์ที่รวมเสร็จแล้วยังคงอยู่</translation>
    </message>
    <message>
        <source>No files dropped yet in this session.</source>
        <translation>ยังไม่มีการวางไฟล์ในรอบการใช้งานนี้</translation>
    </message>
    <message>
        <source>%1 files: %2 accepted, %3 duplicate, %4 superseded, %5 rejected</source>
        <translation>%1 ไฟล์: รับแล้ว %2 · ซ้ำ %3 · ถูกแทนที่ %4 · ถูกปฏิเสธ %5</translation>
    </message>
    <message>
        <source>%1 names judge %2, who is not in this contest.</source>
        <translation>%1 ระบุกรรมการ %2 ซึ่งไม่มีในการประกวดนี้</translation>
    </message>
    <message>
        <source>Enrolled key %1 for judge %2; merging %3 again…</source>
        <translation>ลงทะเบียนกุญแจ %1 ให้กรรมการ %2 แล้ว กำลังรวม %3 อีกครั้ง…</translation>
    </message>
    <message>
        <source>Enrolled key %1 for judge %2. Drop %3 again to merge it.</source>
        <translation>ลงทะเบียนกุญแจ %1 ให้กรรมการ %2 แล้ว วาง %3 อีกครั้งเพื่อรวมคะแนน</translation>
    </message>
    <message>
        <source>Add score files</source>
        <translation>เพิ่มไฟล์คะแนน</translation>
    </message>
    <message>
        <source>Score files (*%1)</source>
        <translation>ไฟล์คะแนน (*%1)</translation>
    </message>
    <message>
        <source>Add every score file in a folder</source>
        <translation>เพิ่มไฟล์คะแนนทุกไฟล์ในโฟลเดอร์</translation>
    </message>
</context>
</TS>
