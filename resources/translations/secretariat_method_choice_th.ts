<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ChangeMethodDialog</name>
    <message>
        <source>Change the ranking method</source>
        <translation>เปลี่ยนวิธีจัดอันดับ</translation>
    </message>
    <message>
        <source>Results have already been seen. A method chosen now is recorded as changed after the results were seen, with the time, and the results report says so.</source>
        <translation>ได้เปิดดูผลการพิจารณาไปแล้ว วิธีที่เลือกตอนนี้จะถูกบันทึกว่าเปลี่ยนหลังจากเห็นผลแล้ว พร้อมเวลาที่เปลี่ยน และรายงานผลการพิจารณาจะระบุไว้ด้วย</translation>
    </message>
    <message>
        <source>Record the &amp;change</source>
        <translation>บันทึกการเปลี่ยน (&amp;C)</translation>
    </message>
</context>
</TS>
