<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Discard the typing?</source>
        <translation>ทิ้งสิ่งที่พิมพ์ไว้หรือไม่</translation>
    </message>
    <message>
        <source>The sheet has not been stored. Close and discard what was typed?</source>
        <translation>ใบให้คะแนนนี้ยังไม่ได้บันทึก ต้องการปิดและทิ้งสิ่งที่พิมพ์ไว้หรือไม่</translation>
    </message>
    <message>
        <source>Type in a paper score sheet</source>
        <translation>บันทึกใบให้คะแนนฉบับกระดาษ</translation>
    </message>
    <message>
        <source>These scores are typed in from a judge&apos;s paper score sheet. They are stored as paper-entered and marked as such in every result and report; they never count as a signed score file. The sheet is typed twice, and the second typing must not look at the first.</source>
        <translation>คะแนนเหล่านี้พิมพ์จากใบให้คะแนนฉบับกระดาษของกรรมการ จะถูกบันทึกว่า “กรอกจากกระดาษ” และระบุไว้เช่นนั้นในผลคะแนนและรายงานทุกฉบับ ไม่นับเป็นไฟล์ผลคะแนนที่ลงลายมือชื่อดิจิทัล ต้องพิมพ์ใบเดียวกันสองครั้ง และการพิมพ์ครั้งที่สองต้องไม่ดูการพิมพ์ครั้งแรก</translation>
    </message>
    <message>
        <source>&amp;Judge:</source>
        <translation>กรรมการ (&amp;J):</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>ผลงาน (&amp;E):</translation>
    </message>
    <message>
        <source>Typed in &amp;by:</source>
        <translation>ผู้พิมพ์ (&amp;B):</translation>
    </message>
    <message>
        <source>Your name, kept with the sheet</source>
        <translation>ชื่อของท่าน จะบันทึกไว้คู่กับใบให้คะแนน</translation>
    </message>
    <message>
        <source>&amp;Replace the stored paper sheet (the old one is kept in the audit record)</source>
        <translation>แทนที่ใบให้คะแนนที่บันทึกไว้แล้ว (ใบเดิมยังเก็บไว้ในบันทึกเพื่อการตรวจสอบ) (&amp;R)</translation>
    </message>
    <message>
        <source>Start o&amp;ver</source>
        <translation>เริ่มใหม่ (&amp;V)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Choose the sca&amp;n…</source>
        <translation>เลือกไฟล์สแกน… (&amp;N)</translation>
    </message>
    <message>
        <source> (paper sheet stored)</source>
        <translation> (บันทึกใบกระดาษแล้ว)</translation>
    </message>
    <message numerus="yes">
        <source>Entries settled by the judge&apos;s signed score file, not listed here because the signed file wins: %n</source>
        <translation>
            <numerusform>มีผลงาน %n รายการที่ไฟล์ผลคะแนนซึ่งกรรมการลงลายมือชื่อดิจิทัลให้คะแนนหรือแจ้งส่วนได้เสียไว้แล้ว จึงไม่แสดงในรายการนี้ (ยึดตามไฟล์ที่ลงลายมือชื่อ)</numerusform>
        </translation>
    </message>
    <message>
        <source>A paper sheet is already stored for this judge and entry.</source>
        <translation>มีใบให้คะแนนฉบับกระดาษของกรรมการท่านนี้สำหรับผลงานนี้บันทึกไว้แล้ว</translation>
    </message>
    <message>
        <source>Step 1 of 4: judge and entry</source>
        <translation>ขั้นที่ 1 จาก 4: เลือกกรรมการและผลงาน</translation>
    </message>
    <message>
        <source>&amp;Next: first typing</source>
        <translation>ถัดไป: พิมพ์ครั้งแรก (&amp;N)</translation>
    </message>
    <message>
        <source>Step 3 of 4: second typing</source>
        <translation>ขั้นที่ 3 จาก 4: พิมพ์ครั้งที่สอง</translation>
    </message>
    <message>
        <source>Step 2 of 4: first typing</source>
        <translation>ขั้นที่ 2 จาก 4: พิมพ์ครั้งแรก</translation>
    </message>
    <message>
        <source> — only the fields that differed</source>
        <translation> — เฉพาะช่องที่ไม่ตรงกัน</translation>
    </message>
    <message>
        <source>Type the sheet of judge %1, entry %2 again from the paper. The first typing is hidden on purpose.</source>
        <translation>พิมพ์ใบให้คะแนนของกรรมการ %1 ผลงาน %2 อีกครั้งจากกระดาษ ระบบซ่อนการพิมพ์ครั้งแรกไว้โดยเจตนา</translation>
    </message>
    <message>
        <source>Read the paper sheet of judge %1, entry %2 and type each score: keys 1–5 and . for a half (Thai digits too); ↑ ↓ move between criteria, Enter to the comment.</source>
        <translation>อ่านใบให้คะแนนฉบับกระดาษของกรรมการ %1 ผลงาน %2 แล้วพิมพ์คะแนนทีละเกณฑ์: กดเลข 1–5 และ . สำหรับครึ่งคะแนน (ใช้เลขไทยได้) ลูกศร ↑ ↓ เลื่อนระหว่างเกณฑ์ Enter ไปที่ช่องความเห็น</translation>
    </message>
    <message>
        <source>C&amp;ompare the typings</source>
        <translation>เปรียบเทียบการพิมพ์สองครั้ง (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next: type again</source>
        <translation>ถัดไป: พิมพ์อีกครั้ง (&amp;N)</translation>
    </message>
    <message>
        <source>The two typings differ</source>
        <translation>การพิมพ์สองครั้งไม่ตรงกัน</translation>
    </message>
    <message>
        <source>Re-&amp;type the differing fields</source>
        <translation>พิมพ์ช่องที่ไม่ตรงกันใหม่ (&amp;T)</translation>
    </message>
    <message>
        <source>Step 4 of 4: scan and store</source>
        <translation>ขั้นที่ 4 จาก 4: แนบไฟล์สแกนและบันทึก</translation>
    </message>
    <message>
        <source>Type &amp;another sheet</source>
        <translation>พิมพ์ใบถัดไป (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Store paper sheet</source>
        <translation>บันทึกใบให้คะแนน (&amp;S)</translation>
    </message>
    <message>
        <source>Choose a judge and one of the judge&apos;s entries.</source>
        <translation>โปรดเลือกกรรมการและผลงานที่กรรมการท่านนั้นได้รับมอบหมาย</translation>
    </message>
    <message>
        <source>Say who is typing the sheet in.</source>
        <translation>โปรดระบุชื่อผู้พิมพ์ใบให้คะแนน</translation>
    </message>
    <message>
        <source>A sheet is already stored: tick “Replace” to type it again.</source>
        <translation>มีใบให้คะแนนบันทึกไว้แล้ว หากต้องการพิมพ์ใหม่ โปรดทำเครื่องหมายที่ “แทนที่”</translation>
    </message>
    <message>
        <source>Not typed yet: %1. Type every score, or tick the conflict of interest box if the judge declared one.</source>
        <translation>ยังไม่ได้พิมพ์: %1 โปรดพิมพ์คะแนนให้ครบทุกเกณฑ์ หรือทำเครื่องหมายที่ช่องการมีส่วนได้เสียหากกรรมการแจ้งไว้</translation>
    </message>
    <message numerus="yes">
        <source>Fields that differ between the two typings (highlighted): %n. Nothing is stored until they agree: check the paper sheet and type those fields again, twice.</source>
        <translation>
            <numerusform>การพิมพ์สองครั้งไม่ตรงกัน %n ช่อง (แถบสี) ระบบจะยังไม่บันทึกจนกว่าจะตรงกัน โปรดตรวจกับใบกระดาษแล้วพิมพ์ช่องเหล่านั้นใหม่อีกสองครั้ง</numerusform>
        </translation>
    </message>
    <message>
        <source>conflict of interest declared</source>
        <translation>แจ้งการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>weighted total %1 / 100</source>
        <translation>คะแนนรวมถ่วงน้ำหนัก %1 จาก 100</translation>
    </message>
    <message>
        <source>Both typings agree. Judge %1, entry %2: %3.</source>
        <translation>การพิมพ์ทั้งสองครั้งตรงกัน กรรมการ %1 ผลงาน %2: %3</translation>
    </message>
    <message>
        <source>Choose the scan of the paper sheet</source>
        <translation>เลือกไฟล์สแกนของใบให้คะแนน</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>ไฟล์สแกน (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Attach the scan of the paper sheet first.</source>
        <translation>โปรดแนบไฟล์สแกนของใบให้คะแนนก่อน</translation>
    </message>
    <message>
        <source>Stored, marked as typed from paper. Scan SHA-256 %1…</source>
        <translation>บันทึกแล้ว โดยระบุว่ากรอกจากกระดาษ ไฟล์สแกน SHA-256 %1…</translation>
    </message>
    <message>
        <source>The sheet could not be stored: %1</source>
        <translation>บันทึกใบให้คะแนนไม่สำเร็จ: %1</translation>
    </message>
</context>
</TS>
