<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>TypingForm</name>
    <message>
        <source>Comment on %1, if the judge wrote one</source>
        <translation>ความเห็นต่อ %1 (ถ้ากรรมการเขียนไว้)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>ความเห็นโดยรวม</translation>
    </message>
    <message>
        <source>The judge declared a &amp;conflict of interest</source>
        <translation>กรรมการแจ้งการมีส่วนได้เสีย (&amp;C)</translation>
    </message>
    <message>
        <source>Reason written on the sheet</source>
        <translation>เหตุผลที่เขียนไว้ในใบให้คะแนน</translation>
    </message>
</context>
<context>
    <name>TypingsModel</name>
    <message>
        <source>Conflict of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>%1 score</source>
        <translation>คะแนน %1</translation>
    </message>
    <message>
        <source>%1 comment</source>
        <translation>ความเห็น %1</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>ความเห็นโดยรวม</translation>
    </message>
    <message>
        <source>Conflict reason</source>
        <translation>เหตุผลการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>มี</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่อง</translation>
    </message>
    <message>
        <source>First typing</source>
        <translation>พิมพ์ครั้งแรก</translation>
    </message>
    <message>
        <source>Second typing</source>
        <translation>พิมพ์ครั้งที่สอง</translation>
    </message>
</context>
</TS>
