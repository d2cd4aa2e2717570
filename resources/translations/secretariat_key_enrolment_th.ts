<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>EnrolKeyDialog</name>
    <message>
        <source>Enrol a judge&apos;s key</source>
        <translation>ลงทะเบียนกุญแจของกรรมการ</translation>
    </message>
    <message>
        <source>From the score file %1 that the judge signed (sequence %2, exported %3).</source>
        <translation>จากแฟ้มคะแนน %1 ที่กรรมการลงนาม (ลำดับที่ %2 ส่งออกเมื่อ %3)</translation>
    </message>
    <message>
        <source>From the enrolment file %1, made %2.</source>
        <translation>จากแฟ้มลงทะเบียน %1 สร้างเมื่อ %2</translation>
    </message>
    <message>
        <source>The name in the file is “%1”, not the name in the contest.</source>
        <translation>ชื่อในแฟ้มคือ “%1” ไม่ตรงกับชื่อในการประกวด</translation>
    </message>
    <message>
        <source>This key was revoked on %1 (“%2”). A revoked key may be lost or stolen: enrol it again only if you are sure it is safe.</source>
        <translation>กุญแจนี้ถูกเพิกถอนเมื่อ %1 (“%2”) กุญแจที่ถูกเพิกถอนอาจสูญหายหรือถูกขโมย ให้ลงทะเบียนซ้ำเฉพาะเมื่อแน่ใจว่าปลอดภัยเท่านั้น</translation>
    </message>
    <message>
        <source>Compare these twenty digits, group by group, with the fingerprint on the paper the judge signed. Then type the last four digits as they are printed on the paper.</source>
        <translation>เทียบตัวเลขยี่สิบหลักนี้ทีละกลุ่มกับลายนิ้วมือกุญแจบนเอกสารที่กรรมการลงนาม แล้วพิมพ์ตัวเลขสี่หลักสุดท้ายตามที่พิมพ์อยู่บนเอกสาร</translation>
    </message>
    <message>
        <source>&amp;Last four digits on the paper:</source>
        <translation>ตัวเลขสี่หลักสุดท้ายบนเอกสาร (&amp;L):</translation>
    </message>
    <message>
        <source>These are not the key&apos;s last four digits. Do not enrol this key: ask the judge which key they signed with.</source>
        <translation>ตัวเลขนี้ไม่ใช่สี่หลักสุดท้ายของกุญแจนี้ อย่าลงทะเบียนกุญแจนี้ ให้สอบถามกรรมการว่าลงนามด้วยกุญแจใด</translation>
    </message>
    <message>
        <source>&amp;Enrol the key</source>
        <translation>ลงทะเบียนกุญแจ (&amp;E)</translation>
    </message>
</context>
</TS>
