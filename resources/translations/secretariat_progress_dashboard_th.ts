<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ProgressDashboard</name>
    <message>
        <source>%1 of %2 judges have sent a file · %3 of %4 entry scores in</source>
        <translation>กรรมการส่งไฟล์แล้ว %1 จาก %2 คน · ได้ผลการให้คะแนนแล้ว %3 จาก %4 รายการ</translation>
    </message>
    <message>
        <source>%1 scored, %2 conflict of interest, %3 missing, %4 typed in from paper · %5 of %6 judges complete</source>
        <translation>ให้คะแนนแล้ว %1 · มีส่วนได้เสีย %2 · ยังขาด %3 · บันทึกจากใบกระดาษ %4 · กรรมการที่ส่งครบ %5 จาก %6 คน</translation>
    </message>
    <message>
        <source>Entries still waiting for a judge&apos;s scores: %1 of %2</source>
        <translation>ผลงานที่ยังรอคะแนนจากกรรมการ: %1 จาก %2 รายการ</translation>
    </message>
    <message>
        <source>short of judges because of conflicts of interest: %1</source>
        <translation>กรรมการไม่ครบเพราะมีส่วนได้เสีย: %1 รายการ</translation>
    </message>
    <message>
        <source>Rejected files that name no judge of this contest: %1 (see All files received).</source>
        <translation>ไฟล์ที่ถูกปฏิเสธซึ่งไม่ได้ระบุกรรมการของการประกวดนี้: %1 ไฟล์ (ดูที่แท็บไฟล์ที่ได้รับทั้งหมด)</translation>
    </message>
    <message>
        <source>Entries: %1 shown of %2</source>
        <translation>ผลงาน: แสดง %1 จาก %2 รายการ</translation>
    </message>
    <message>
        <source>Only entries s&amp;hort of judges</source>
        <translation>เฉพาะผลงานที่กรรมการให้คะแนนยังไม่ครบ (&amp;H)</translation>
    </message>
    <message>
        <source>Search entry, organisation or judge…</source>
        <translation>ค้นหาผลงาน หน่วยงาน หรือกรรมการ…</translation>
    </message>
</context>
</TS>
