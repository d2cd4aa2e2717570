<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Recorded: %1 has a conflict of interest on %2. The next automatic assignment never gives it to the judge.</source>
        <translation>บันทึกแล้ว: %1 มีส่วนได้เสียกับผลงาน %2 การจัดกรรมการอัตโนมัติครั้งต่อไปจะไม่ให้ผลงานนี้แก่กรรมการท่านนี้</translation>
    </message>
    <message>
        <source>%1 still judges %2 until you reassign: assign automatically again, or take the judge off the entry on the Assignment page.</source>
        <translation>%1 ยังตรวจผลงาน %2 อยู่จนกว่าจะจัดใหม่: กดจัดกรรมการอัตโนมัติอีกครั้ง หรือนำกรรมการออกจากผลงานนี้ในหน้าการจัดกรรมการ</translation>
    </message>
    <message>
        <source>Withdrawn: %1 may be given %2 again.</source>
        <translation>ยกเลิกแล้ว: %1 อาจได้รับผลงาน %2 อีกครั้ง</translation>
    </message>
    <message>
        <source>Conflicts of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Conflicts a judge declared to the secretariat, in a score file or on a paper sheet. The automatic assignment never gives a judge an entry listed here. Only those declared to the secretariat can be withdrawn here.</source>
        <translation>รายการที่กรรมการแจ้งว่ามีส่วนได้เสีย ทั้งที่แจ้งต่อฝ่ายเลขานุการ แจ้งในไฟล์คะแนน หรือแจ้งในแบบฟอร์มกระดาษ การจัดกรรมการอัตโนมัติจะไม่ให้ผลงานในรายการนี้แก่กรรมการที่เกี่ยวข้อง ยกเลิกได้ที่นี่เฉพาะรายการที่แจ้งต่อฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>&amp;Declare…</source>
        <translation>แจ้งส่วนได้เสีย… (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>ยกเลิกรายการ (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิด (&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>แจ้งทาง</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>to the secretariat</source>
        <translation>ต่อฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>in a score file</source>
        <translation>ในไฟล์คะแนน</translation>
    </message>
    <message>
        <source>on a paper sheet</source>
        <translation>ในแบบฟอร์มกระดาษ</translation>
    </message>
    <message>
        <source>%1 still judges %2 until you reassign.</source>
        <translation>%1 ยังตรวจผลงาน %2 อยู่จนกว่าจะจัดกรรมการใหม่</translation>
    </message>
</context>
<context>
    <name>DeclareConflictDialog</name>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>แจ้งการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Why, e.g. the judge&apos;s relative works there</source>
        <translation>เหตุผล เช่น ญาติของกรรมการทำงานที่หน่วยงานนี้</translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation>กรรมการ (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>ผลงาน (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>เหตุผล (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Declare the conflict</source>
        <translation>บันทึกการมีส่วนได้เสีย (&amp;D)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Assignment history</source>
        <translation>ประวัติการจัดกรรมการ</translation>
    </message>
    <message>
        <source>Nothing has been assigned or changed in this round yet.</source>
        <translation>รอบนี้ยังไม่มีการจัดหรือเปลี่ยนกรรมการ</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การดำเนินการ</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>What</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>จัดอัตโนมัติ</translation>
    </message>
    <message>
        <source>judge added</source>
        <translation>เพิ่มกรรมการ</translation>
    </message>
    <message>
        <source>judge removed</source>
        <translation>นำกรรมการออก</translation>
    </message>
</context>
</TS>
