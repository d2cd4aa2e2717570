<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>HistogramChart</name>
    <message>
        <source>Distribution of the entries&apos; mean totals</source>
        <translation>การกระจายของคะแนนเฉลี่ยของผลงาน</translation>
    </message>
    <message>
        <source>Number of entries whose mean total (out of 100) falls in each band of 5 points: %1</source>
        <translation>จำนวนผลงานที่มีคะแนนเฉลี่ย (เต็ม 100) อยู่ในแต่ละช่วง ช่วงละ 5 คะแนน: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>No entry has been scored yet.</source>
        <translation>ยังไม่มีผลงานที่ได้รับคะแนน</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>จำนวนผลงาน</translation>
    </message>
    <message>
        <source>%1 points: %2 entries</source>
        <translation>%1 คะแนน: %2 ผลงาน</translation>
    </message>
    <message>
        <source>Mean total of the entry (out of 100)</source>
        <translation>คะแนนเฉลี่ยของผลงาน (เต็ม 100)</translation>
    </message>
</context>
<context>
    <name>SeverityChart</name>
    <message>
        <source>%1: no entry shared with another judge</source>
        <translation>%1: ไม่มีผลงานที่ให้คะแนนร่วมกับกรรมการท่านอื่น</translation>
    </message>
    <message>
        <source>%1: %2 points harsher than the other judges on the same entries (%3 entries)</source>
        <translation>%1: เข้มงวดกว่ากรรมการท่านอื่นในผลงานเดียวกัน %2 คะแนน (จาก %3 ผลงาน)</translation>
    </message>
    <message>
        <source>%1: %2 points more lenient than the other judges on the same entries (%3 entries)</source>
        <translation>%1: ผ่อนปรนกว่ากรรมการท่านอื่นในผลงานเดียวกัน %2 คะแนน (จาก %3 ผลงาน)</translation>
    </message>
    <message>
        <source>%1: in line with the other judges on the same entries (%3 entries)</source>
        <translation>%1: ให้คะแนนใกล้เคียงกับกรรมการท่านอื่นในผลงานเดียวกัน (จาก %3 ผลงาน)</translation>
    </message>
    <message>
        <source>Judge severity</source>
        <translation>ความเข้มงวดของกรรมการ</translation>
    </message>
    <message>
        <source>No judge has scored yet.</source>
        <translation>ยังไม่มีกรรมการท่านใดให้คะแนน</translation>
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
        <source>Mean difference from the other judges on the same entries (points out of 100)</source>
        <translation>ผลต่างเฉลี่ยจากกรรมการท่านอื่นในผลงานเดียวกัน (คะแนน จากเต็ม 100)</translation>
    </message>
    <message>
        <source>no shared entries</source>
        <translation>ไม่มีผลงานที่ให้คะแนนร่วมกัน</translation>
    </message>
</context>
</TS>
