<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>EntryProgressModel</name>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>ให้คะแนนแล้ว</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>ส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>ยังขาด</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <source>Still to score</source>
        <translation>ยังไม่ได้ให้คะแนน</translation>
    </message>
    <message>
        <source>%1 of %2 judges have scored it; the others declared a conflict of interest, so no more scores will come unless judges are added</source>
        <translation>กรรมการให้คะแนนแล้ว %1 จาก %2 คน ที่เหลือแจ้งว่ามีส่วนได้เสีย จึงจะไม่มีคะแนนเพิ่มอีก เว้นแต่จะเพิ่มกรรมการ</translation>
    </message>
    <message>
        <source>%1 of %2 judges have scored it</source>
        <translation>กรรมการให้คะแนนแล้ว %1 จาก %2 คน</translation>
    </message>
    <message>
        <source>every judge has scored it</source>
        <translation>กรรมการให้คะแนนครบทุกคนแล้ว</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>Received</source>
        <translation>ได้รับเมื่อ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>ลำดับที่</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
</context>
<context>
    <name>JudgeProgressModel</name>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>ชุดผลงาน</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>มอบหมาย</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>ให้คะแนนแล้ว</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>ส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>ยังขาด</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>ไฟล์ล่าสุด</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>ได้รับเมื่อ</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>not issued</source>
        <translation>ยังไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>no file yet</source>
        <translation>ยังไม่มีไฟล์</translation>
    </message>
    <message>
        <source>%1, sequence %2</source>
        <translation>%1 ลำดับที่ %2</translation>
    </message>
    <message>
        <source>%1 files received</source>
        <translation>ได้รับแล้ว %1 ไฟล์</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>accepted</source>
        <extracomment>The outcome words of the core (a merge&apos;s outcome, or a stored file&apos;s), translated for the officer.</extracomment>
        <translation>รับแล้ว</translation>
    </message>
    <message>
        <source>merged</source>
        <extracomment>Problems first when a column of outcomes is sorted.</extracomment>
        <translation>รวมแล้ว</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>ซ้ำ</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>ถูกแทนที่</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>ถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>merged; replaces sequence %1</source>
        <translation>รวมแล้ว แทนลำดับที่ %1</translation>
    </message>
    <message>
        <source>replaced by sequence %1</source>
        <translation>ถูกแทนที่ด้วยลำดับที่ %1</translation>
    </message>
    <message>
        <source>this exact file was already imported; nothing changed</source>
        <translation>ไฟล์นี้เคยนำเข้าแล้ว ไม่มีอะไรเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>accepted, then replaced by a newer file of the same judge in this import</source>
        <translation>รับแล้ว แต่ถูกแทนที่ด้วยไฟล์ที่ใหม่กว่าของกรรมการคนเดียวกันในการนำเข้าครั้งนี้</translation>
    </message>
    <message>
        <source>already imported and rejected: %1</source>
        <translation>เคยนำเข้าและถูกปฏิเสธแล้ว — %1</translation>
    </message>
    <message>
        <source>%1</source>
        <extracomment>Any other reason is a rejection in the core&apos;s English words; the translation says so.</extracomment>
        <translation>ข้อความจากการตรวจสอบ (ภาษาอังกฤษ): %1</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <source>Outcome</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>ลำดับที่</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
</context>
</TS>
