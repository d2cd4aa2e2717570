<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>JudgeDialog</name>
    <message>
        <source>Edit judge</source>
        <translation>แก้ไขข้อมูลกรรมการ</translation>
    </message>
    <message>
        <source>Add judge</source>
        <translation>เพิ่มกรรมการ</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>รหัส (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>ชื่อ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Affiliation</source>
        <translation>หน่วยงาน (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>จังหวัด (&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;osition</source>
        <translation>ตำแหน่ง (&amp;O)</translation>
    </message>
    <message>
        <source>e.g. J08</source>
        <translation>เช่น J08</translation>
    </message>
</context>
<context>
    <name>JudgesPage</name>
    <message>
        <source>Ties</source>
        <translation>ความเกี่ยวข้อง</translation>
    </message>
    <message>
        <source>Key history</source>
        <translation>ประวัติกุญแจ</translation>
    </message>
    <message>
        <source>Ties of %1: never assigned entries from these</source>
        <translation>ความเกี่ยวข้องของ %1: จะไม่ได้รับผลงานจากรายการเหล่านี้</translation>
    </message>
    <message>
        <source>Key history of %1</source>
        <translation>ประวัติกุญแจของ %1</translation>
    </message>
    <message>
        <source>Own province: %1 (always a tie)</source>
        <translation>จังหวัดของตนเอง: %1 (ถือว่าเกี่ยวข้องเสมอ)</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>หน่วยงาน: %1</translation>
    </message>
    <message>
        <source>Province: %1</source>
        <translation>จังหวัด: %1</translation>
    </message>
    <message>
        <source>Added judge %1. Enrol the judge&apos;s key next.</source>
        <translation>เพิ่มกรรมการ %1 แล้ว ขั้นต่อไปให้ลงทะเบียนกุญแจของกรรมการ</translation>
    </message>
    <message>
        <source>Saved judge %1.</source>
        <translation>บันทึกข้อมูลกรรมการ %1 แล้ว</translation>
    </message>
    <message>
        <source>%1 is now never assigned entries of %2.</source>
        <translation>%1 จะไม่ได้รับผลงานของ %2 อีก</translation>
    </message>
    <message>
        <source>Choose a tie in the list first (the judge&apos;s own province always stays a tie).</source>
        <translation>เลือกความเกี่ยวข้องในรายการก่อน (จังหวัดของกรรมการเองถือว่าเกี่ยวข้องเสมอ ลบไม่ได้)</translation>
    </message>
    <message>
        <source>Removed the tie of %1 to %2.</source>
        <translation>ลบความเกี่ยวข้องของ %1 กับ %2 แล้ว</translation>
    </message>
    <message>
        <source>Enrol key from an enrolment file</source>
        <translation>ลงทะเบียนกุญแจจากแฟ้มลงทะเบียน</translation>
    </message>
    <message>
        <source>Revoked the key of %1. Enrol the judge&apos;s new key next, from the judge&apos;s enrolment file or score file.</source>
        <translation>เพิกถอนกุญแจของ %1 แล้ว ขั้นต่อไปให้ลงทะเบียนกุญแจใหม่ของกรรมการจากแฟ้มลงทะเบียนหรือแฟ้มคะแนนของกรรมการ</translation>
    </message>
    <message>
        <source>E&amp;nrol key from enrolment file…</source>
        <translation>ลงทะเบียนกุญแจจากแฟ้มลงทะเบียน… (&amp;N)</translation>
    </message>
    <message>
        <source>Enrol key from &amp;score file…</source>
        <translation>ลงทะเบียนกุญแจจากแฟ้มคะแนน… (&amp;S)</translation>
    </message>
    <message>
        <source>Enrol a judge&apos;s key on the first score file, after checking its fingerprint against the signed paper</source>
        <translation>ลงทะเบียนกุญแจของกรรมการจากแฟ้มคะแนนแฟ้มแรก หลังจากเทียบลายนิ้วมือกุญแจกับเอกสารที่กรรมการลงนามแล้ว</translation>
    </message>
    <message>
        <source>Enrolment files (*%1)</source>
        <translation>แฟ้มลงทะเบียนกุญแจ (*%1)</translation>
    </message>
    <message>
        <source>Enrol key from a score file</source>
        <translation>ลงทะเบียนกุญแจจากแฟ้มคะแนน</translation>
    </message>
    <message>
        <source>Score files (*%1)</source>
        <translation>แฟ้มคะแนน (*%1)</translation>
    </message>
    <message>
        <source>%1 is the key of judge %2, who is not in this contest. Add the judge first.</source>
        <translation>%1 เป็นกุญแจของกรรมการ %2 ซึ่งไม่มีในการประกวดนี้ ให้เพิ่มกรรมการก่อน</translation>
    </message>
    <message>
        <source>Enrolled key %1 for judge %2.</source>
        <translation>ลงทะเบียนกุญแจ %1 ให้กรรมการ %2 แล้ว</translation>
    </message>
    <message>
        <source>Judges and keys</source>
        <translation>กรรมการและกุญแจ</translation>
    </message>
    <message>
        <source>Add the judges, record what ties them to an organisation or a province, and enrol each judge&apos;s key after checking its fingerprint against the paper the judge signed. Only score files signed with the enrolled key are accepted.</source>
        <translation>เพิ่มรายชื่อกรรมการ บันทึกความเกี่ยวข้องกับหน่วยงานหรือจังหวัด และลงทะเบียนกุญแจของกรรมการแต่ละคนหลังจากเทียบลายนิ้วมือกุญแจกับเอกสารที่กรรมการลงนามแล้ว ระบบจะรับเฉพาะแฟ้มคะแนนที่ลงนามด้วยกุญแจที่ลงทะเบียนไว้</translation>
    </message>
    <message>
        <source>&amp;Add judge…</source>
        <translation>เพิ่มกรรมการ… (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit judge…</source>
        <translation>แก้ไขกรรมการ… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Revoke / replace key…</source>
        <translation>เพิกถอน / เปลี่ยนกุญแจ… (&amp;R)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Name as the entries write it</source>
        <translation>ชื่อตามที่ปรากฏในผลงาน</translation>
    </message>
    <message>
        <source>Add &amp;tie</source>
        <translation>เพิ่มความเกี่ยวข้อง (&amp;T)</translation>
    </message>
    <message>
        <source>Remove tie</source>
        <translation>ลบความเกี่ยวข้อง</translation>
    </message>
</context>
<context>
    <name>JudgesTableModel</name>
    <message>
        <source>Id</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>กุญแจ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>ความเกี่ยวข้อง</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <source>revoked, no new key yet</source>
        <translation>เพิกถอนแล้ว ยังไม่มีกุญแจใหม่</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>ยังไม่มีกุญแจ</translation>
    </message>
</context>
<context>
    <name>KeyHistoryModel</name>
    <message>
        <source>Fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>ลงทะเบียนเมื่อ</translation>
    </message>
    <message>
        <source>How</source>
        <translation>วิธีลงทะเบียน</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>เพิกถอนเมื่อ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>ใช้งานอยู่</translation>
    </message>
</context>
<context>
    <name>RevokeKeyDialog</name>
    <message>
        <source>Revoke or replace a key</source>
        <translation>เพิกถอนหรือเปลี่ยนกุญแจ</translation>
    </message>
    <message>
        <source>Revoke the key of %1 (%2)? Score files signed with it are no longer accepted once it is revoked; enrol the judge&apos;s new key afterwards.</source>
        <translation>เพิกถอนกุญแจของ %1 (%2) หรือไม่ เมื่อเพิกถอนแล้วระบบจะไม่รับแฟ้มคะแนนที่ลงนามด้วยกุญแจนี้อีก จากนั้นให้ลงทะเบียนกุญแจใหม่ของกรรมการ</translation>
    </message>
    <message>
        <source>Why, e.g. the judge&apos;s laptop was lost</source>
        <translation>เหตุผล เช่น เครื่องคอมพิวเตอร์ของกรรมการสูญหาย</translation>
    </message>
    <message>
        <source>&amp;Revoke the key</source>
        <translation>เพิกถอนกุญแจ (&amp;R)</translation>
    </message>
</context>
</TS>
