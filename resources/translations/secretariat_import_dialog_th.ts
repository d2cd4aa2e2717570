<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Add attachments from %1</source>
        <translation>เพิ่มเอกสารแนบจาก %1</translation>
    </message>
    <message>
        <source>Checking the files in %1…</source>
        <translation>กำลังตรวจไฟล์ใน %1…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>กำลังตรวจ %1…</translation>
    </message>
    <message>
        <source>The folder cannot be read.</source>
        <translation>อ่านโฟลเดอร์นี้ไม่ได้</translation>
    </message>
    <message>
        <source>Nothing has been copied yet.</source>
        <translation>ยังไม่ได้คัดลอกไฟล์ใด</translation>
    </message>
    <message>
        <source>New files: &lt;b&gt;%1&lt;/b&gt; for %2 entries · already attached: &lt;b&gt;%3&lt;/b&gt; · not added: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>ไฟล์ใหม่: &lt;b&gt;%1&lt;/b&gt; ไฟล์ สำหรับผลงาน %2 รายการ · แนบไว้แล้ว: &lt;b&gt;%3&lt;/b&gt; · ไม่นำเข้า: &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>New files that are not PDF, PNG or JPEG: %n. Judges will open them with another program.</source>
        <translation>
            <numerusform>ไฟล์ใหม่ที่ไม่ใช่ PDF, PNG หรือ JPEG: %n ไฟล์ กรรมการจะต้องเปิดด้วยโปรแกรมอื่น</numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing new to add from this folder.</source>
        <translation>โฟลเดอร์นี้ไม่มีไฟล์ใหม่ที่จะเพิ่ม</translation>
    </message>
    <message numerus="yes">
        <source>Files (%n)</source>
        <translation>
            <numerusform>ไฟล์ (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not added (%n)</source>
        <translation>
            <numerusform>ไม่นำเข้า (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries without attachments (%n)</source>
        <translation>
            <numerusform>ผลงานที่ไม่มีเอกสารแนบ (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leave out the files listed under “Not added” (%n) and add the rest</source>
        <translation>
            <numerusform>ข้ามไฟล์ในแท็บ “ไม่นำเข้า” (%n ไฟล์) และเพิ่มไฟล์ที่เหลือ</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add 1 file</source>
        <translation>เพิ่ม 1 ไฟล์ (&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n files</source>
        <translation>
            <numerusform>เพิ่ม %n ไฟล์ (&amp;A)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>ยังไม่ได้เพิ่มไฟล์ใด</translation>
    </message>
    <message>
        <source>Copying the files…</source>
        <translation>กำลังคัดลอกไฟล์…</translation>
    </message>
    <message numerus="yes">
        <source>Files added to the entries: %n</source>
        <translation>
            <numerusform>เพิ่มเอกสารแนบให้ผลงานแล้ว %n ไฟล์</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundles already issued to these judges do not carry the new files; issue their bundles again:</source>
        <translation>ชุดผลงานที่ออกให้กรรมการต่อไปนี้แล้วยังไม่มีไฟล์ใหม่ โปรดออกชุดผลงานให้กรรมการเหล่านี้ใหม่:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>UTF-8 text</source>
        <translation>ข้อความ UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 text (with byte-order mark)</source>
        <translation>ข้อความ UTF-8 (มี BOM)</translation>
    </message>
    <message>
        <source>Thai Windows text (cp874)</source>
        <translation>ข้อความภาษาไทยแบบ Windows (cp874)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>ไฟล์ Excel</translation>
    </message>
    <message>
        <source>Import entries from %1</source>
        <translation>นำเข้าผลงานจาก %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>กำลังอ่าน %1…</translation>
    </message>
    <message>
        <source>Step 1 of 2 — say which column of the file holds each field. Fields marked * are needed for every entry.</source>
        <translation>ขั้นที่ 1 จาก 2 — เลือกว่าข้อมูลแต่ละช่องอยู่ในคอลัมน์ใดของไฟล์ ช่องที่มีเครื่องหมาย * ต้องมีในทุกผลงาน</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>คอลัมน์ในไฟล์</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>ตัวอย่างข้อมูล</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3 rows below the headers on line %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2, มีข้อมูล %3 แถวใต้หัวตารางที่บรรทัด %4</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(ไม่มีหัวคอลัมน์)</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— ไม่มีในไฟล์ —</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>นำเข้าไฟล์นี้ไม่ได้</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>โปรดเลือกคอลัมน์ของ: %1</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>ถัดไป &gt; (&amp;N)</translation>
    </message>
    <message>
        <source>Step 2 of 2 — nothing has been imported yet.</source>
        <translation>ขั้นที่ 2 จาก 2 — ยังไม่ได้นำเข้าข้อมูลใด</translation>
    </message>
    <message>
        <source>New entries: &lt;b&gt;%1&lt;/b&gt; · already in the contest, the same: &lt;b&gt;%2&lt;/b&gt; · in the contest but different here (left as they are): &lt;b&gt;%3&lt;/b&gt; · rows with problems: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>ผลงานใหม่: &lt;b&gt;%1&lt;/b&gt; · มีอยู่แล้วและตรงกัน: &lt;b&gt;%2&lt;/b&gt; · มีอยู่แล้วแต่ในไฟล์ต่างออกไป (คงไว้ตามเดิม): &lt;b&gt;%3&lt;/b&gt; · แถวที่มีปัญหา: &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>ปัญหา (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New entries (%n)</source>
        <translation>
            <numerusform>ผลงานใหม่ (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Different from the contest (%n)</source>
        <translation>
            <numerusform>ต่างจากที่มีอยู่ (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leave out the rows with problems (%n) and import the rest</source>
        <translation>
            <numerusform>ข้ามแถวที่มีปัญหา (%n แถว) และนำเข้าแถวที่เหลือ</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import 1 new entry</source>
        <translation>นำเข้าผลงานใหม่ 1 รายการ (&amp;I)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n new entries</source>
        <translation>
            <numerusform>นำเข้าผลงานใหม่ %n รายการ (&amp;I)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New entries added to the contest: %n</source>
        <translation>
            <numerusform>เพิ่มผลงานใหม่แล้ว %n รายการ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rows left out because of their problems: %n. Fix them in the file and import it again to add them.</source>
        <translation>
            <numerusform>แถวที่ข้ามไปเพราะมีปัญหา: %n แถว แก้ไขในไฟล์แล้วนำเข้าอีกครั้งเพื่อเพิ่มผลงานเหล่านั้น</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>ยังไม่ได้นำเข้าข้อมูลใด</translation>
    </message>
    <message>
        <source>Adding the entries…</source>
        <translation>กำลังเพิ่มผลงาน…</translation>
    </message>
</context>
</TS>
