<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results and statistics</source>
        <translation>ผลการพิจารณาและสถิติ</translation>
    </message>
    <message>
        <source>Choose how the entries will be ranked before looking at any result. The choice is recorded with its time, and the results report says whether it was made before the results were seen.</source>
        <translation>เลือกวิธีจัดอันดับผลงานก่อนเปิดดูผลใด ๆ ระบบจะบันทึกวิธีที่เลือกพร้อมเวลา และรายงานผลการพิจารณาจะระบุว่าเลือกไว้ก่อนเห็นผลหรือไม่</translation>
    </message>
    <message>
        <source>Ranking method</source>
        <translation>วิธีจัดอันดับ</translation>
    </message>
    <message>
        <source>&amp;Record this method</source>
        <translation>บันทึกวิธีนี้ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show results</source>
        <translation>แสดงผลการพิจารณา (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change method…</source>
        <translation>เปลี่ยนวิธีจัดอันดับ… (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export statistics…</source>
        <translation>ส่งออกสถิติ… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Print the results report…</source>
        <translation>พิมพ์รายงานผลการพิจารณา… (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Ranking</source>
        <translation>อันดับ (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tability</source>
        <translation>ความมั่นคงของอันดับ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Judges</source>
        <translation>กรรมการ (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Distribution</source>
        <translation>การกระจายของคะแนน (&amp;D)</translation>
    </message>
    <message>
        <source>Panel &amp;agreement</source>
        <translation>ความสอดคล้องของคณะกรรมการ (&amp;A)</translation>
    </message>
    <message>
        <source>Disa&amp;greements</source>
        <translation>ความเห็นต่าง (&amp;G)</translation>
    </message>
    <message>
        <source>Ca&amp;libration entries</source>
        <translation>ผลงานปรับเทียบ (&amp;L)</translation>
    </message>
    <message>
        <source>Top 3 (darker blue, thick line under the 3rd): put forward to the national DG Awards. Top 20 (light blue, thin line under the 20th): receive the award. ⚑ marks an entry whose side of a cut line changes when one judge is left out or another method is used: send it to more judges. Paper: scores typed in from a paper sheet. Organisations: อบต., ทต., ทม., ทน. and อบจ. stand for the kind of local government; the full name is in the tooltip.</source>
        <translation>3 อันดับแรก (สีน้ำเงินเข้ม เส้นหนาใต้อันดับที่ 3): ได้รับการเสนอชื่อเข้าสู่รางวัล DG Awards ระดับประเทศ 20 อันดับแรก (สีฟ้าอ่อน เส้นบางใต้อันดับที่ 20): ได้รับรางวัล เครื่องหมาย ⚑ คือผลงานที่ย้ายข้างเส้นตัดเมื่อไม่นับกรรมการท่านใดท่านหนึ่งหรือใช้วิธีจัดอันดับอื่น ควรส่งให้กรรมการพิจารณาเพิ่ม ช่อง “กระดาษ” คือคะแนนที่เจ้าหน้าที่กรอกจากใบให้คะแนน ชื่อหน่วยงานใช้อักษรย่อ อบต. ทต. ทม. ทน. และ อบจ. ตามประเภทขององค์กรปกครองส่วนท้องถิ่น ชี้ที่ชื่อเพื่อดูชื่อเต็ม</translation>
    </message>
    <message>
        <source>Each entry within 3 places of the 3rd or 20th place, and which side of the line it falls on under every other method and with each judge left out in turn. Shaded cells change side.</source>
        <translation>ผลงานที่อยู่ห่างจากอันดับที่ 3 หรืออันดับที่ 20 ไม่เกิน 3 อันดับ และอยู่ข้างใดของเส้นตัดเมื่อใช้วิธีจัดอันดับอื่น และเมื่อไม่นับกรรมการทีละท่าน ช่องที่แรเงาคือกรณีที่ย้ายข้าง</translation>
    </message>
    <message>
        <source>Severity: how many points a judge gives on average above (more lenient) or below (harsher) the other judges on the same entries, calibration entries included. Consistency: whether the judge orders the entries as the others do (1 = exactly).</source>
        <translation>ความเข้มงวด: กรรมการให้คะแนนสูงกว่า (ผ่อนปรนกว่า) หรือต่ำกว่า (เข้มงวดกว่า) กรรมการท่านอื่นในผลงานเดียวกันโดยเฉลี่ยกี่คะแนน รวมผลงานปรับเทียบด้วย ความสอดคล้อง: กรรมการเรียงลำดับผลงานเหมือนกรรมการท่านอื่นหรือไม่ (1 = เหมือนกันทุกประการ)</translation>
    </message>
    <message>
        <source>How many entries have a mean total in each band of 5 points.</source>
        <translation>จำนวนผลงานที่มีคะแนนเฉลี่ยอยู่ในแต่ละช่วง ช่วงละ 5 คะแนน</translation>
    </message>
    <message>
        <source>Entries whose judges&apos; totals lie %1 points or more apart, widest first: for the committee to discuss.</source>
        <translation>ผลงานที่คะแนนรวมจากกรรมการแต่ละท่านต่างกันตั้งแต่ %1 คะแนนขึ้นไป เรียงจากต่างกันมากที่สุด เพื่อให้คณะกรรมการพิจารณาร่วมกัน</translation>
    </message>
    <message>
        <source>before the results were seen</source>
        <translation>ก่อนเห็นผลการพิจารณา</translation>
    </message>
    <message>
        <source>after the results had been seen</source>
        <translation>หลังจากเห็นผลการพิจารณาแล้ว</translation>
    </message>
    <message>
        <source>Recorded: %1, chosen %2, %3.</source>
        <translation>บันทึกแล้ว: %1 เลือกเมื่อ %2 %3</translation>
    </message>
    <message>
        <source>No method has been chosen, but results were already shown on %1 (for example by the command line). A method chosen now is recorded as chosen after the results were seen.</source>
        <translation>ยังไม่ได้เลือกวิธีจัดอันดับ แต่มีการแสดงผลการพิจารณาไปแล้วเมื่อ %1 (เช่น จากบรรทัดคำสั่ง) วิธีที่เลือกตอนนี้จะถูกบันทึกว่าเลือกหลังจากเห็นผลแล้ว</translation>
    </message>
    <message>
        <source>No method has been chosen yet.</source>
        <translation>ยังไม่ได้เลือกวิธีจัดอันดับ</translation>
    </message>
    <message>
        <source>Computing the results…</source>
        <translation>กำลังคำนวณผลการพิจารณา…</translation>
    </message>
    <message>
        <source>Ranked by: %1 (no method chosen; the default is used).</source>
        <translation>จัดอันดับตาม: %1 (ยังไม่ได้เลือกวิธี จึงใช้วิธีเริ่มต้น)</translation>
    </message>
    <message>
        <source>changed after the results had been seen</source>
        <translation>เปลี่ยนหลังจากเห็นผลการพิจารณาแล้ว</translation>
    </message>
    <message>
        <source>Ranked by: %1. Chosen %2, %3.</source>
        <translation>จัดอันดับตาม: %1 เลือกเมื่อ %2 %3</translation>
    </message>
    <message>
        <source>%1 entries ranked</source>
        <translation>จัดอันดับแล้ว %1 ผลงาน</translation>
    </message>
    <message>
        <source>%1 not scored yet</source>
        <translation>ยังไม่มีคะแนน %1 ผลงาน</translation>
    </message>
    <message>
        <source>%1 judges</source>
        <translation>กรรมการ %1 ท่าน</translation>
    </message>
    <message>
        <source>%1 near a cut line need a second look</source>
        <translation>ใกล้เส้นตัดและควรพิจารณาซ้ำ %1 ผลงาน</translation>
    </message>
    <message>
        <source>%1 disagreements</source>
        <translation>กรรมการเห็นต่างกันมาก %1 ผลงาน</translation>
    </message>
    <message>
        <source>Entries every judge scores first, to share a scale. They are left out of the ranking but count for judge severity and panel agreement.</source>
        <translation>ผลงานที่กรรมการทุกท่านให้คะแนนก่อน เพื่อให้ใช้มาตรฐานเดียวกัน ไม่นำมาจัดอันดับ แต่นับในการคำนวณความเข้มงวดของกรรมการและความสอดคล้องของคณะกรรมการ</translation>
    </message>
    <message>
        <source>No calibration entries were marked.</source>
        <translation>ไม่ได้กำหนดผลงานปรับเทียบไว้</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>ผลการพิจารณา</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>ดำเนินการไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>ส่งออกสถิติ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV แบบ UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>กำลังบันทึก %1…</translation>
    </message>
    <message>
        <source>Save the results report</source>
        <translation>บันทึกรายงานผลการพิจารณา</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the results report…</source>
        <translation>กำลังจัดทำรายงานผลการพิจารณา…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
</context>
</TS>
