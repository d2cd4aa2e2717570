<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Krippendorff&apos;s alpha (interval)</source>
        <translation>ค่าแอลฟาของคริปเพนดอร์ฟ (แบบช่วง)</translation>
    </message>
    <message>
        <source>Agreement of the judges&apos; totals over all scored entries, counting judges who scored only some of them. 1 means the judges agree perfectly, 0 no more than chance; Krippendorff asks for 0.8 for firm conclusions and at least 0.667 for tentative ones.</source>
        <translation>ความสอดคล้องของคะแนนรวมจากกรรมการในทุกผลงานที่มีคะแนน นับรวมกรรมการที่ให้คะแนนเพียงบางผลงานด้วย ค่า 1 หมายถึงกรรมการเห็นตรงกันทั้งหมด ค่า 0 หมายถึงตรงกันไม่เกินความบังเอิญ คริปเพนดอร์ฟกำหนดให้ใช้ 0.8 ขึ้นไปสำหรับข้อสรุปที่หนักแน่น และอย่างน้อย 0.667 สำหรับข้อสรุปเบื้องต้น</translation>
    </message>
    <message>
        <source>Not available yet: no entry has totals from two judges, or every total is the same.</source>
        <translation>ยังคำนวณไม่ได้: ยังไม่มีผลงานที่มีคะแนนจากกรรมการสองท่าน หรือคะแนนรวมทุกค่าเท่ากัน</translation>
    </message>
    <message>
        <source>%1 intraclass correlation</source>
        <translation>ค่าสหสัมพันธ์ภายในชั้น %1</translation>
    </message>
    <message>
        <source>Every judge scored every entry, so the intraclass correlation applies: the same judges rate every entry, and this is the reliability of one judge&apos;s total (Shrout &amp; Fleiss 1979).</source>
        <translation>กรรมการทุกท่านให้คะแนนทุกผลงาน จึงใช้ค่าสหสัมพันธ์ภายในชั้นได้ แบบที่กรรมการชุดเดียวกันประเมินทุกผลงาน ค่านี้คือความเชื่อถือได้ของคะแนนรวมจากกรรมการหนึ่งท่าน (Shrout &amp; Fleiss 1979)</translation>
    </message>
    <message>
        <source>Not available: it needs every judge to have scored every entry; here each entry was scored by some of the judges, so Krippendorff&apos;s alpha is the measure that applies.</source>
        <translation>คำนวณไม่ได้: ต้องให้กรรมการทุกท่านให้คะแนนทุกผลงาน แต่ในรอบนี้แต่ละผลงานมีกรรมการให้คะแนนเพียงบางท่าน จึงใช้ค่าแอลฟาของคริปเพนดอร์ฟแทน</translation>
    </message>
    <message>
        <source>%1 on the calibration entries</source>
        <translation>%1 ของผลงานปรับเทียบ</translation>
    </message>
    <message>
        <source>Every judge scores the calibration entries, so the intraclass correlation shows how far the panel shares one scale.</source>
        <translation>กรรมการทุกท่านให้คะแนนผลงานปรับเทียบ ค่าสหสัมพันธ์ภายในชั้นจึงบอกได้ว่าคณะกรรมการใช้มาตรฐานเดียวกันเพียงใด</translation>
    </message>
    <message>
        <source>Not available until every judge has scored every calibration entry.</source>
        <translation>จะคำนวณได้เมื่อกรรมการทุกท่านให้คะแนนผลงานปรับเทียบครบทุกผลงาน</translation>
    </message>
</context>
</TS>
