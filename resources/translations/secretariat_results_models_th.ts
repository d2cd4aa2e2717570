<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>BandsModel</name>
    <message>
        <source>Mean total</source>
        <translation>คะแนนเฉลี่ย</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>จำนวนผลงาน</translation>
    </message>
</context>
<context>
    <name>CalibrationModel</name>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>เฉลี่ย</translation>
    </message>
    <message>
        <source> (paper)</source>
        <translation> (กระดาษ)</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>มีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>ยังไม่ให้คะแนน</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>ต่ำสุด</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>สูงสุด</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>ผลต่าง</translation>
    </message>
    <message>
        <source>Each judge&apos;s total</source>
        <translation>คะแนนรวมจากกรรมการแต่ละท่าน</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>ผลงานปรับเทียบ</translation>
    </message>
    <message>
        <source> (paper)</source>
        <translation> (กระดาษ)</translation>
    </message>
</context>
<context>
    <name>JudgesModel</name>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Consistency
(r)</source>
        <translation>ความสอดคล้อง
(r)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>ความเข้มงวด</translation>
    </message>
    <message>
        <source>Tendency</source>
        <translation>แนวโน้ม</translation>
    </message>
    <message>
        <source>Entries
scored</source>
        <translation>ผลงานที่
ให้คะแนน</translation>
    </message>
    <message>
        <source>Compared
on</source>
        <translation>ผลงานที่
ใช้เปรียบเทียบ</translation>
    </message>
    <message>
        <source>Entries this judge scored together with at least one other judge</source>
        <translation>ผลงานที่กรรมการท่านนี้ให้คะแนนร่วมกับกรรมการท่านอื่นอย่างน้อยหนึ่งท่าน</translation>
    </message>
    <message>
        <source>Mean of (this judge&apos;s total − the other judges&apos; mean) on the same entries; negative = harsher</source>
        <translation>ค่าเฉลี่ยของ (คะแนนรวมจากกรรมการท่านนี้ − ค่าเฉลี่ยของกรรมการท่านอื่น) ในผลงานเดียวกัน ค่าติดลบ = เข้มงวดกว่า</translation>
    </message>
    <message>
        <source>Correlation between this judge&apos;s totals and the other judges&apos; means: does the judge order the entries as the others do?</source>
        <translation>สหสัมพันธ์ระหว่างคะแนนรวมจากกรรมการท่านนี้กับค่าเฉลี่ยของกรรมการท่านอื่น: กรรมการเรียงลำดับผลงานเหมือนกรรมการท่านอื่นหรือไม่</translation>
    </message>
    <message>
        <source>no shared entries</source>
        <translation>ไม่มีผลงานที่ให้คะแนนร่วมกัน</translation>
    </message>
    <message>
        <source>harsher</source>
        <translation>เข้มงวดกว่า</translation>
    </message>
    <message>
        <source>more lenient</source>
        <translation>ผ่อนปรนกว่า</translation>
    </message>
    <message>
        <source>in line</source>
        <translation>ใกล้เคียงกัน</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Award</source>
        <translation>รางวัล</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>ความมั่นคง</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <source>Rank by
%1</source>
        <translation>อันดับตาม
%1</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>เฉลี่ย</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>มัธยฐาน</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>ต่ำสุด</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>สูงสุด</translation>
    </message>
    <message>
        <source>Trimmed
mean</source>
        <translation>เฉลี่ย
ตัดปลาย</translation>
    </message>
    <message>
        <source>Standard-
ised (z)</source>
        <translation>คะแนน
มาตรฐาน (z)</translation>
    </message>
    <message>
        <source>Rank by %1, the chosen method</source>
        <translation>อันดับตาม%1 ซึ่งเป็นวิธีที่เลือก</translation>
    </message>
    <message>
        <source>Rank by %1</source>
        <translation>อันดับตาม%1</translation>
    </message>
    <message>
        <source>Rank %1, inside the top %2 under every method and without any one judge</source>
        <translation>อันดับ %1 อยู่ใน %2 อันดับแรกทุกวิธี และเมื่อไม่นับกรรมการท่านใดท่านหนึ่ง</translation>
    </message>
    <message>
        <source>Rank %1, outside the top %2 under every method and without any one judge</source>
        <translation>อันดับ %1 อยู่นอก %2 อันดับแรกทุกวิธี และเมื่อไม่นับกรรมการท่านใดท่านหนึ่ง</translation>
    </message>
    <message>
        <source>Rank %1, inside the top %2; outside %3</source>
        <translation>อันดับ %1 อยู่ใน %2 อันดับแรก แต่หลุดออกเมื่อ %3</translation>
    </message>
    <message>
        <source>Rank %1, outside the top %2; inside %3</source>
        <translation>อันดับ %1 อยู่นอก %2 อันดับแรก แต่เข้ามาเมื่อ %3</translation>
    </message>
    <message>
        <source>Top 3: put forward to the national DG Awards. Top 20: receive the award.</source>
        <translation>3 อันดับแรก: เสนอชื่อเข้าสู่รางวัล DG Awards ระดับประเทศ 20 อันดับแรก: ได้รับรางวัล</translation>
    </message>
    <message>
        <source>Rank under the chosen method</source>
        <translation>อันดับตามวิธีที่เลือก</translation>
    </message>
    <message>
        <source>Standard deviation of the judges&apos; totals</source>
        <translation>ส่วนเบี่ยงเบนมาตรฐานของคะแนนรวมจากกรรมการ</translation>
    </message>
    <message>
        <source>Mean of the judges&apos; z-scores: corrects for strict and lenient judges</source>
        <translation>ค่าเฉลี่ยคะแนน z ของกรรมการ: ปรับความต่างระหว่างกรรมการที่เข้มงวดและผ่อนปรน</translation>
    </message>
    <message>
        <source>Entries near the 3rd or 20th place that change side when one judge is left out or another method is used</source>
        <translation>ผลงานใกล้อันดับที่ 3 หรือ 20 ที่ย้ายข้างเส้นตัดเมื่อไม่นับกรรมการท่านใดท่านหนึ่งหรือใช้วิธีจัดอันดับอื่น</translation>
    </message>
    <message>
        <source>Judges whose scores for this entry were typed in from a paper sheet</source>
        <translation>กรรมการที่คะแนนของผลงานนี้กรอกจากใบให้คะแนนกระดาษ</translation>
    </message>
    <message>
        <source>Top 3</source>
        <translation>3 อันดับแรก</translation>
    </message>
    <message>
        <source>Top 20</source>
        <translation>20 อันดับแรก</translation>
    </message>
    <message>
        <source>⚑ not stable</source>
        <translation>⚑ ไม่มั่นคง</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>มั่นคง</translation>
    </message>
    <message>
        <source>Typed in from a paper sheet by the secretariat, not signed by the judge</source>
        <translation>เจ้าหน้าที่กรอกจากใบให้คะแนนกระดาษ ไม่ใช่แฟ้มที่กรรมการลงนาม</translation>
    </message>
</context>
<context>
    <name>ResultsMethods</name>
    <message>
        <source>mean</source>
        <extracomment>Short names of the ranking methods for column headers (the core&apos;s labels are sentences).</extracomment>
        <translation>ค่าเฉลี่ย</translation>
    </message>
    <message>
        <source>trimmed mean</source>
        <translation>ค่าเฉลี่ยแบบตัดปลาย</translation>
    </message>
    <message>
        <source>standardised</source>
        <translation>คะแนนมาตรฐาน</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>ใช้%1</translation>
    </message>
    <message>
        <source>without %1</source>
        <translation>ไม่นับ %1</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>%1 อันดับแรก</translation>
    </message>
</context>
<context>
    <name>StabilityModel</name>
    <message>
        <source>Cut</source>
        <translation>เส้นตัด</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>ปัจจุบัน</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>สรุป</translation>
    </message>
    <message>
        <source>Inside or outside the cut when ranked this way</source>
        <translation>อยู่ในหรือนอกเส้นตัด เมื่อจัดอันดับด้วยวิธีนี้</translation>
    </message>
    <message>
        <source>Inside or outside the cut under the chosen method</source>
        <translation>อยู่ในหรือนอกเส้นตัด ตามวิธีที่เลือก</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>มั่นคง</translation>
    </message>
    <message>
        <source>⚑ second look</source>
        <translation>⚑ ควรพิจารณาซ้ำ</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ใน</translation>
    </message>
    <message>
        <source>out</source>
        <translation>นอก</translation>
    </message>
    <message>
        <source>Changes side %1: send to more judges</source>
        <translation>ย้ายข้างเมื่อ %1 ควรส่งให้กรรมการพิจารณาเพิ่ม</translation>
    </message>
</context>
</TS>
