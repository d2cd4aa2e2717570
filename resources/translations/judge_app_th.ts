<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>BundleOpening</name>
    <message>
        <source>Open an entry bundle</source>
        <extracomment>The check of a bundle (or the demo&apos;s preparation) under way, if any.</extracomment>
        <translation>เปิดชุดผลงาน</translation>
    </message>
    <message>
        <source>Preparing the demo contest…</source>
        <translation>กำลังเตรียมการประกวดตัวอย่าง…</translation>
    </message>
    <message>
        <source>Demo contest</source>
        <translation>การประกวดตัวอย่าง</translation>
    </message>
    <message>
        <source>The demo contest could not be prepared.</source>
        <translation>เตรียมการประกวดตัวอย่างไม่สำเร็จ</translation>
    </message>
    <message>
        <source>This bundle is signed by a different secretariat key than the one trusted for this contest. Do not use it: call the secretariat and compare the fingerprint.</source>
        <translation>ชุดผลงานนี้ลงนามด้วยกุญแจของฝ่ายเลขานุการที่ต่างจากกุญแจที่เชื่อถือไว้สำหรับการประกวดนี้ ห้ามใช้ชุดผลงานนี้ โปรดโทรหาฝ่ายเลขานุการและเทียบลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>Bundle refused</source>
        <translation>ไม่รับชุดผลงาน</translation>
    </message>
    <message>
        <source>My signing key</source>
        <translation>กุญแจลงนามของฉัน</translation>
    </message>
    <message>
        <source>It is printed on your score sheets; the secretariat checks it before accepting your scores.</source>
        <translation>ลายนิ้วมือนี้พิมพ์อยู่บนใบให้คะแนนของท่าน ฝ่ายเลขานุการจะตรวจสอบก่อนรับผลคะแนน</translation>
    </message>
    <message>
        <source>Conflicts of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Checking %1 …</source>
        <translation>กำลังตรวจสอบ %1 …</translation>
    </message>
    <message>
        <source>This bundle did not pass the checks, so it was not opened. It may be damaged or altered; ask the secretariat for a new copy.</source>
        <translation>ชุดผลงานนี้ไม่ผ่านการตรวจสอบ จึงไม่ได้เปิด ไฟล์อาจเสียหายหรือถูกแก้ไข โปรดขอสำเนาใหม่จากฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Entry bundles (*%1)</source>
        <translation>ชุดผลงาน (*%1)</translation>
    </message>
    <message>
        <source>This bundle could not be opened.</source>
        <translation>เปิดชุดผลงานนี้ไม่ได้</translation>
    </message>
    <message>
        <source>This bundle could not be opened because of an unexpected problem.</source>
        <translation>เปิดชุดผลงานนี้ไม่ได้เพราะเกิดปัญหาที่ไม่คาดคิด</translation>
    </message>
    <message>
        <source>%1 was not opened.</source>
        <translation>ไม่ได้เปิด %1</translation>
    </message>
    <message>
        <source>Your signing key&apos;s fingerprint is:</source>
        <translation>ลายนิ้วมือกุญแจลงนามของท่านคือ:</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>สาเหตุ: %1</translation>
    </message>
</context>
<context>
    <name>BundleSummaryDialog</name>
    <message>
        <source>Bundle checked</source>
        <translation>ตรวจสอบชุดผลงานแล้ว</translation>
    </message>
    <message>
        <source>✔ This bundle is genuine and complete.</source>
        <translation>✔ ชุดผลงานนี้เป็นของจริงและครบถ้วน</translation>
    </message>
    <message>
        <source>It is signed by the secretariat key with the fingerprint</source>
        <translation>ลงนามด้วยกุญแจของฝ่ายเลขานุการ ซึ่งมีลายนิ้วมือกุญแจ (fingerprint)</translation>
    </message>
    <message>
        <source>This is the first bundle of this contest on this computer, so this key is now trusted for it. Compare the fingerprint with the one the secretariat gave you (by phone or on paper); later bundles of this contest must carry the same key.</source>
        <translation>นี่เป็นชุดผลงานแรกของการประกวดนี้บนเครื่องนี้ จึงบันทึกกุญแจนี้ไว้เป็นกุญแจที่เชื่อถือสำหรับการประกวดนี้ โปรดเทียบลายนิ้วมือกุญแจกับที่ฝ่ายเลขานุการแจ้งไว้ (ทางโทรศัพท์หรือบนกระดาษ) ชุดผลงานต่อ ๆ ไปของการประกวดนี้ต้องใช้กุญแจเดียวกัน</translation>
    </message>
    <message>
        <source>This key was already trusted for this contest on this computer: it is the same key.</source>
        <translation>กุญแจนี้ได้รับความเชื่อถือสำหรับการประกวดนี้บนเครื่องนี้อยู่แล้ว และเป็นกุญแจเดียวกัน</translation>
    </message>
    <message>
        <source>Contest</source>
        <translation>การประกวด</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>รอบการพิจารณา</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Entries to score</source>
        <translation>จำนวนผลงานที่ต้องให้คะแนน</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>กำหนดส่งผล</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Start judging</source>
        <translation>เริ่มให้คะแนน</translation>
    </message>
</context>
<context>
    <name>ConfirmIncompleteDialog</name>
    <message>
        <source>Not every entry is scored</source>
        <translation>ยังให้คะแนนไม่ครบทุกผลงาน</translation>
    </message>
    <message numerus="yes">
        <source>Entries not fully scored yet: %n</source>
        <translation>
            <numerusform>ยังมีผลงาน %n รายการที่ให้คะแนนไม่ครบ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… และอีก %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>You can export now and send a complete file later; these entries will be marked “not scored” in this file.</source>
        <translation>ท่านส่งออกตอนนี้แล้วส่งไฟล์ที่ครบถ้วนภายหลังได้ ผลงานเหล่านี้จะถูกระบุว่า “ยังไม่ได้ให้คะแนน” ในไฟล์นี้</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>ส่งออกเลย</translation>
    </message>
    <message>
        <source>Go back and score</source>
        <translation>กลับไปให้คะแนนต่อ</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts of interest</source>
        <translation>การมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Before you start: conflicts of interest</source>
        <translation>ก่อนเริ่ม: แจ้งการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Tick every entry you cannot judge impartially — for example an organisation you work for, advise, or have family ties with. You will not score those entries. A reason helps the secretariat but is optional. You can change this later for any entry.</source>
        <translation>โปรดทำเครื่องหมายที่ผลงานซึ่งท่านไม่อาจพิจารณาได้อย่างเป็นกลาง เช่น หน่วยงานที่ท่านทำงานอยู่ เป็นที่ปรึกษา หรือมีความเกี่ยวพันทางครอบครัว ท่านจะไม่ให้คะแนนผลงานเหล่านั้น การระบุเหตุผลช่วยฝ่ายเลขานุการได้แต่ไม่บังคับ และท่านเปลี่ยนแปลงภายหลังได้ทุกผลงาน</translation>
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
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>เหตุผล (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>ยืนยัน</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ไว้ภายหลัง</translation>
    </message>
    <message numerus="yes">
        <source>Entries ticked: %n</source>
        <translation>
            <numerusform>ทำเครื่องหมายแล้ว %n รายการ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Score: type 3 or 3.5, or use ←/→</source>
        <translation>คะแนน: พิมพ์ 3 หรือ 3.5 หรือใช้ปุ่ม ←/→</translation>
    </message>
    <message>
        <source>Comment on this criterion (optional)</source>
        <translation>ความเห็นต่อเกณฑ์นี้ (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>ความเห็นต่อเกณฑ์ %1</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>น้ำหนัก %1</translation>
    </message>
    <message>
        <source>weight %1 · earns %2</source>
        <translation>น้ำหนัก %1 · ได้ %2 คะแนน</translation>
    </message>
</context>
<context>
    <name>DeclareConflictCommand</name>
    <message>
        <source>%1: declare conflict of interest</source>
        <translation>%1: แจ้งการมีส่วนได้เสีย</translation>
    </message>
</context>
<context>
    <name>EntriesTableModel</name>
    <message>
        <source>not started</source>
        <extracomment>Order of statuses when the status column is sorted (work left to do first). One colour per status; the icons also differ in shape, for colour-blind judges. Status words of both models (entries list and review), marked for translation once.</extracomment>
        <translation>ยังไม่เริ่ม</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>กำลังให้คะแนน</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>ครบแล้ว</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>มีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <source>This entry has no attachments.</source>
        <extracomment>An attachment of the entry on screen finished showing (entry id, attachment name).</extracomment>
        <translation>ผลงานนี้ไม่มีเอกสารแนบ</translation>
    </message>
    <message>
        <source>Choose an entry from the list.</source>
        <translation>เลือกผลงานจากรายการทางซ้าย</translation>
    </message>
    <message>
        <source>Province %1</source>
        <translation>จังหวัด%1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ประสานงาน</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>This score file belongs to another bundle or judge; choose one exported from this bundle.</source>
        <translation>ไฟล์ผลคะแนนนี้เป็นของชุดผลงานหรือกรรมการอื่น โปรดเลือกไฟล์ที่ส่งออกจากชุดผลงานนี้</translation>
    </message>
    <message>
        <source>Type your passphrase to sign the score file. The signature shows that the scores are yours and were not changed after you exported them.</source>
        <translation>พิมพ์รหัสผ่านเพื่อลงนามไฟล์ผลคะแนน ลายมือชื่ออิเล็กทรอนิกส์แสดงว่าคะแนนเป็นของท่าน และไม่ถูกแก้ไขหลังส่งออก</translation>
    </message>
    <message>
        <source>Save the score file</source>
        <translation>บันทึกไฟล์ผลคะแนน</translation>
    </message>
    <message>
        <source>Signing and saving the score file…</source>
        <translation>กำลังลงนามและบันทึกไฟล์ผลคะแนน…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>ส่งออกไม่สำเร็จ</translation>
    </message>
    <message>
        <source>The score file was not saved. Your scores are safe in the app.</source>
        <translation>ไม่ได้บันทึกไฟล์ผลคะแนน คะแนนของท่านยังอยู่ในโปรแกรมครบถ้วน</translation>
    </message>
    <message>
        <source>Save the score sheets</source>
        <translation>บันทึกใบให้คะแนน</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the score sheets…</source>
        <translation>กำลังจัดทำใบให้คะแนน…</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>ใบให้คะแนน</translation>
    </message>
    <message>
        <source>The score sheets could not be made.</source>
        <translation>จัดทำใบให้คะแนนไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Which score file to print?</source>
        <translation>เลือกไฟล์ผลคะแนนที่จะพิมพ์</translation>
    </message>
    <message>
        <source>Score files (*%1)</source>
        <translation>ไฟล์ผลคะแนน (*%1)</translation>
    </message>
    <message>
        <source>Score file saved: %1</source>
        <translation>บันทึกไฟล์ผลคะแนนแล้ว: %1</translation>
    </message>
    <message>
        <source>Score sheets saved: %1</source>
        <translation>บันทึกใบให้คะแนนแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message>
        <source>Score file saved</source>
        <translation>บันทึกไฟล์ผลคะแนนแล้ว</translation>
    </message>
    <message>
        <source>✔ Your signed score file is saved.</source>
        <translation>✔ บันทึกไฟล์ผลคะแนนที่ลงนามแล้วเรียบร้อย</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>ครั้งที่ส่งออก</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>ค่า SHA-256</translation>
    </message>
    <message>
        <source>Signed with your key</source>
        <translation>ลงนามด้วยกุญแจของท่าน</translation>
    </message>
    <message numerus="yes">
        <source>Entries marked “not scored” in this file: %n</source>
        <translation>
            <numerusform>ไฟล์นี้มีผลงาน %n รายการที่ระบุว่า “ยังไม่ได้ให้คะแนน”</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this file to the secretariat (USB drive or e-mail). Then print your score sheets, sign them and send them too. If you change a score later, export again: the newer file replaces this one.</source>
        <translation>ส่งไฟล์นี้ให้ฝ่ายเลขานุการ (ทางแฟลชไดรฟ์หรืออีเมล) แล้วพิมพ์ใบให้คะแนน ลงนาม และส่งให้ฝ่ายเลขานุการด้วย หากแก้ไขคะแนนภายหลัง ให้ส่งออกใหม่ ไฟล์ที่ใหม่กว่าจะใช้แทนไฟล์นี้</translation>
    </message>
    <message>
        <source>Print score sheets…</source>
        <translation>พิมพ์ใบให้คะแนน…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
</context>
<context>
    <name>JudgeWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>A bundle was verified and the judging page is shown (before the follow-up dialogs). Opening was refused; the text says why (already shown to the judge). The score file was written (an ExportResult). Export stopped with this message (already shown). Score sheets were saved as this PDF. The follow-up dialogs after opening are done (or there were none).</extracomment>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open bundle…</source>
        <translation>เปิดชุดผลงาน…</translation>
    </message>
    <message>
        <source>Recent bundles</source>
        <translation>ชุดผลงานที่เปิดล่าสุด</translation>
    </message>
    <message>
        <source>Open the &amp;demo contest</source>
        <translation>เปิดการประกวดตัวอย่าง</translation>
    </message>
    <message>
        <source>&amp;Export score file…</source>
        <translation>ส่งออกไฟล์ผลคะแนน…</translation>
    </message>
    <message>
        <source>&amp;Print score sheets…</source>
        <translation>พิมพ์ใบให้คะแนน…</translation>
    </message>
    <message>
        <source>&amp;Close bundle</source>
        <translation>ปิดชุดผลงาน</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find entry</source>
        <translation>ค้นหาผลงาน</translation>
    </message>
    <message>
        <source>&amp;Judging</source>
        <translation>การให้คะแนน (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Next entry</source>
        <translation>ผลงานถัดไป</translation>
    </message>
    <message>
        <source>&amp;Previous entry</source>
        <translation>ผลงานก่อนหน้า</translation>
    </message>
    <message>
        <source>&amp;Conflicts of interest…</source>
        <translation>แจ้งการมีส่วนได้เสีย…</translation>
    </message>
    <message>
        <source>&amp;Review my scores…</source>
        <translation>ทบทวนคะแนนของฉัน…</translation>
    </message>
    <message>
        <source>My signing &amp;key…</source>
        <translation>กุญแจลงนามของฉัน…</translation>
    </message>
    <message>
        <source>Bundle &amp;information…</source>
        <translation>ข้อมูลชุดผลงาน…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>แป้นพิมพ์ลัด</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <source>Digital Local Government — judging</source>
        <translation>ท้องถิ่นดิจิทัล — การให้คะแนน</translation>
    </message>
    <message>
        <source>✔ Every change is saved as you make it</source>
        <translation>✔ ทุกการเปลี่ยนแปลงบันทึกทันที</translation>
    </message>
    <message>
        <source>✔ All changes saved (%1)</source>
        <translation>✔ บันทึกทุกการเปลี่ยนแปลงแล้ว (%1)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>ไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>This change to entry %1 was not made:</source>
        <translation>การเปลี่ยนแปลงผลงาน %1 นี้ไม่ได้บันทึก:</translation>
    </message>
    <message>
        <source>Next / previous entry</source>
        <translation>ผลงานถัดไป / ก่อนหน้า</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>เลิกทำ / ทำซ้ำ</translation>
    </message>
    <message>
        <source>Find an entry</source>
        <translation>ค้นหาผลงาน</translation>
    </message>
    <message>
        <source>Review my scores</source>
        <translation>ทบทวนคะแนนของฉัน</translation>
    </message>
    <message>
        <source>Export score file</source>
        <translation>ส่งออกไฟล์ผลคะแนน</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>แป้นพิมพ์ลัด</translation>
    </message>
    <message>
        <source>About</source>
        <translation>เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <source>Offline judging for the Digital Local Government award.</source>
        <translation>โปรแกรมให้คะแนนแบบออฟไลน์ สำหรับรางวัลท้องถิ่นดิจิทัล</translation>
    </message>
    <message>
        <source>Your scores stay on this computer until you export a signed score file.</source>
        <translation>คะแนนของท่านอยู่ในเครื่องนี้เท่านั้น จนกว่าท่านจะส่งออกไฟล์ผลคะแนนที่ลงนามแล้ว</translation>
    </message>
</context>
<context>
    <name>JudgingPage</name>
    <message>
        <source>Deadline: %1</source>
        <translation>กำหนดส่งผล: %1</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>ผลงานทั้งหมด</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>ยังไม่เริ่ม</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>กำลังให้คะแนน</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>ให้คะแนนครบแล้ว</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>มีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>ค้นหา…</translation>
    </message>
    <message>
        <source>Search by number, organisation, province or project (Ctrl+F)</source>
        <translation>ค้นหาจากลำดับ หน่วยงาน จังหวัด หรือชื่อโครงการ (Ctrl+F)</translation>
    </message>
    <message>
        <source>Scored %1 of %2</source>
        <translation>ให้คะแนนแล้ว %1 จาก %2 ผลงาน</translation>
    </message>
</context>
<context>
    <name>KeyCreateDialog</name>
    <message>
        <source>Your signing key</source>
        <translation>กุญแจลงนามของท่าน</translation>
    </message>
    <message>
        <source>Create your signing key</source>
        <translation>สร้างกุญแจลงนามของท่าน</translation>
    </message>
    <message>
        <source>Your score file is signed with a key that is made now, on this computer, and never leaves it. It is locked with a passphrase that only you know; you will type it each time you export your scores. A few words that you will remember make a good passphrase. If you forget it, a new key has to be made and registered by the secretariat.</source>
        <translation>ไฟล์ผลคะแนนของท่านจะลงนามด้วยกุญแจที่สร้างขึ้นตอนนี้บนเครื่องนี้ และไม่ออกจากเครื่องนี้ กุญแจถูกล็อกด้วยรหัสผ่านที่ท่านรู้เพียงผู้เดียว ท่านจะพิมพ์รหัสผ่านนี้ทุกครั้งที่ส่งออกผลคะแนน คำหลายคำที่ท่านจำได้เป็นรหัสผ่านที่ดี หากลืมรหัสผ่าน ต้องสร้างกุญแจใหม่และให้ฝ่ายเลขานุการลงทะเบียนใหม่</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>พิมพ์อีกครั้ง</translation>
    </message>
    <message>
        <source>Show what I type</source>
        <translation>แสดงสิ่งที่พิมพ์</translation>
    </message>
    <message>
        <source>✔ Your key is ready.</source>
        <translation>✔ สร้างกุญแจของท่านเรียบร้อยแล้ว</translation>
    </message>
    <message>
        <source>Its fingerprint is:</source>
        <translation>ลายนิ้วมือกุญแจคือ:</translation>
    </message>
    <message>
        <source>This fingerprint is printed on your score sheets, which you sign by hand; the secretariat checks it before accepting your score file. You do not need to remember it.</source>
        <translation>ลายนิ้วมือนี้จะพิมพ์อยู่บนใบให้คะแนนที่ท่านลงนามด้วยมือ ฝ่ายเลขานุการจะตรวจสอบก่อนรับไฟล์ผลคะแนน ท่านไม่จำเป็นต้องจำ</translation>
    </message>
    <message>
        <source>Create my key</source>
        <translation>สร้างกุญแจ</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>ไว้ภายหลัง</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ดำเนินการต่อ</translation>
    </message>
    <message>
        <source>At least 10 characters; a few words you will remember.</source>
        <translation>อย่างน้อย 10 ตัวอักษร เช่น คำหลายคำที่ท่านจำได้</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <source>both match</source>
        <translation>ตรงกันทั้งสองช่อง</translation>
    </message>
    <message>
        <source>This passphrase is too weak; choose a longer one.</source>
        <translation>รหัสผ่านนี้คาดเดาง่ายเกินไป โปรดเลือกรหัสผ่านที่ยาวขึ้น</translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน โปรดพิมพ์ให้เหมือนกัน</translation>
    </message>
    <message>
        <source>The key could not be made: %1</source>
        <translation>สร้างกุญแจไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>OtherFileView</name>
    <message>
        <source>%1 (%2) is shown by another program on this computer.</source>
        <translation>%1 (%2) ต้องเปิดด้วยโปรแกรมอื่นในเครื่องนี้</translation>
    </message>
    <message>
        <source>Open with the system viewer</source>
        <translation>เปิดด้วยโปรแกรมของเครื่อง</translation>
    </message>
</context>
<context>
    <name>PdfDocumentView</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>หน้า %1 จาก %2</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>ค้นหาใน:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ชื่อไฟล์ (&amp;N):</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>เปิด (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>บันทึกเป็น</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>โฟลเดอร์แม่</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>มุมมองรายการ</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>มุมมองรายละเอียด</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>มี %1 อยู่แล้ว
ต้องการเขียนทับหรือไม่?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>วันที่แก้ไข</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>แสดงรายละเอียด...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>ซ่อนรายละเอียด...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <extracomment>Languages the app speaks, with their names as their speakers write them. Qt&apos;s own words on standard buttons, edit menus and the file dialog. The Qt wheels ship no Thai for them, so our .ts carries it; listed here so that lupdate keeps those messages.</extracomment>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ใช่ทั้งหมด (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่ใช่ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ไม่ใช่ทั้งหมด (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ยกเลิกการทำงาน</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ช่วยเหลือ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>ตั้งค่าใหม่</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review my scores</source>
        <translation>ทบทวนคะแนนของฉัน</translation>
    </message>
    <message>
        <source>Click a column title to sort. Greyed rows: conflict of interest (not scored).</source>
        <translation>คลิกหัวคอลัมน์เพื่อเรียงลำดับ แถวสีเทาคือผลงานที่มีส่วนได้เสีย (ไม่ให้คะแนน)</translation>
    </message>
    <message>
        <source>Complete %1 of %2 · conflict %3</source>
        <translation>ให้คะแนนครบ %1 จาก %2 · มีส่วนได้เสีย %3</translation>
    </message>
    <message>
        <source>no complete entry yet</source>
        <translation>ยังไม่มีผลงานที่ให้คะแนนครบ</translation>
    </message>
    <message>
        <source>my mean total %1</source>
        <translation>คะแนนรวมเฉลี่ยของฉัน %1</translation>
    </message>
    <message>
        <source>spread (SD) %1</source>
        <translation>ส่วนเบี่ยงเบนมาตรฐาน (SD) %1</translation>
    </message>
    <message>
        <source>lowest %1 · highest %2</source>
        <translation>ต่ำสุด %1 · สูงสุด %2</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>น้ำหนัก %1</translation>
    </message>
</context>
<context>
    <name>ScoreChooser</name>
    <message>
        <source>Clear</source>
        <extracomment>Typed characters combine (&quot;3&quot;, &quot;.&quot;, &quot;5&quot; → 3.5) when they come within this time. Up to this many allowed scores show as buttons; longer scales use a drop-down list. The Thai Kedmanee layout&apos;s number row (and its &quot;.&quot; key), read as what the key is labelled.</extracomment>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Clear this score (Delete)</source>
        <translation>ล้างคะแนนนี้ (Delete)</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>Declare conflict of interest…</source>
        <extracomment>Comments are saved this long after the judge stops typing (and at once on focus-out).</extracomment>
        <translation>แจ้งการมีส่วนได้เสีย…</translation>
    </message>
    <message>
        <source>Use this when you cannot judge this entry impartially</source>
        <translation>ใช้เมื่อท่านไม่อาจพิจารณาผลงานนี้ได้อย่างเป็นกลาง</translation>
    </message>
    <message>
        <source>Withdraw declaration</source>
        <translation>ถอนการแจ้ง</translation>
    </message>
    <message>
        <source>Keys: type 3 or 3.5 · ←/→ change · Tab or ↓ next criterion · Enter comment · Delete clear</source>
        <translation>แป้นพิมพ์: พิมพ์ 3 หรือ 3.5 · ←/→ เปลี่ยนคะแนน · Tab หรือ ↓ เกณฑ์ถัดไป · Enter เขียนความเห็น · Delete ล้าง</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>ความเห็นโดยรวม</translation>
    </message>
    <message>
        <source>Overall comment on this entry (optional)</source>
        <translation>ความเห็นโดยรวมต่อผลงานนี้ (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>No entry chosen</source>
        <translation>ยังไม่ได้เลือกผลงาน</translation>
    </message>
    <message>
        <source>Declare conflict of interest</source>
        <translation>แจ้งการมีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>This entry will not be scored; scores already given are set aside.
Reason (optional):</source>
        <translation>ผลงานนี้จะไม่ได้รับคะแนนจากท่าน คะแนนที่ให้ไว้แล้วจะถูกพักไว้
เหตุผล (ไม่บังคับ):</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ไม่ได้ระบุเหตุผล</translation>
    </message>
    <message>
        <source>You declared a conflict of interest: %1. This entry is not scored.</source>
        <translation>ท่านแจ้งการมีส่วนได้เสีย: %1 ผลงานนี้จึงไม่ให้คะแนน</translation>
    </message>
    <message>
        <source>Not scored: conflict of interest</source>
        <translation>ไม่ให้คะแนน: มีส่วนได้เสีย</translation>
    </message>
    <message>
        <source>Total %1 / 100</source>
        <translation>คะแนนรวม %1 / 100</translation>
    </message>
    <message>
        <source>Not complete: %1 of %2 criteria scored</source>
        <translation>ยังไม่ครบ: ให้คะแนนแล้ว %1 จาก %2 เกณฑ์</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>ยังไม่ได้บันทึก…</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>บันทึกแล้วเมื่อ %1</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>บันทึกทุกการเปลี่ยนแปลงแล้ว</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ไม่ได้บันทึก: %1</translation>
    </message>
</context>
<context>
    <name>SecretariatStartPage</name>
    <message>
        <source>Digital Local Government award — secretariat</source>
        <translation>รางวัลท้องถิ่นดิจิทัล — ฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>A contest database (a .dlgcontest file) holds one contest: its entries, judges and keys, the bundles issued, every score file received and the results. Open one, make one from the contest&apos;s contest.json, or try the demo.</source>
        <translation>ฐานข้อมูลการประกวด (ไฟล์ .dlgcontest) เก็บข้อมูลของการประกวดหนึ่งรายการ ได้แก่ ผลงาน กรรมการและกุญแจของกรรมการ ชุดผลงานที่ออกให้ ไฟล์ผลคะแนนทุกไฟล์ที่ได้รับ และผลการพิจารณา เปิดฐานข้อมูลที่มีอยู่ สร้างใหม่จากไฟล์ contest.json ของการประกวด หรือทดลองใช้ตัวอย่าง</translation>
    </message>
    <message>
        <source>Open a contest database…</source>
        <translation>เปิดฐานข้อมูลการประกวด…</translation>
    </message>
    <message>
        <source>New contest database…</source>
        <translation>สร้างฐานข้อมูลการประกวดใหม่…</translation>
    </message>
    <message>
        <source>Try the secretariat demo</source>
        <translation>ทดลองใช้ตัวอย่างของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>You can also drag a contest database file onto this window.</source>
        <translation>หรือลากไฟล์ฐานข้อมูลการประกวดมาวางบนหน้าต่างนี้ก็ได้</translation>
    </message>
    <message>
        <source>Recent contest databases</source>
        <translation>ฐานข้อมูลการประกวดที่เปิดล่าสุด</translation>
    </message>
    <message>
        <source>No contest database opened yet on this computer.</source>
        <translation>ยังไม่เคยเปิดฐานข้อมูลการประกวดบนเครื่องนี้</translation>
    </message>
</context>
<context>
    <name>SetCommentCommand</name>
    <message>
        <source>%1: overall comment</source>
        <translation>%1: ความเห็นโดยรวม</translation>
    </message>
    <message>
        <source>%1 %2: comment</source>
        <translation>%1 %2: ความเห็น</translation>
    </message>
</context>
<context>
    <name>SetScoreCommand</name>
    <message>
        <source>%1 %2: clear score</source>
        <extracomment>Command ids for QUndoCommand.id(); equal ids may merge.</extracomment>
        <translation>%1 %2: ล้างคะแนน</translation>
    </message>
    <message>
        <source>%1 %2: score %3</source>
        <translation>%1 %2: ให้ %3 คะแนน</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Digital Local Government award — judging</source>
        <translation>รางวัลท้องถิ่นดิจิทัล — การให้คะแนน</translation>
    </message>
    <message>
        <source>Open the entry bundle (a .dlgbundle file) that the secretariat sent you. Everything stays on this computer and works without the internet. Your scores are saved the moment you enter them.</source>
        <translation>เปิดชุดผลงาน (ไฟล์ .dlgbundle) ที่ฝ่ายเลขานุการส่งให้ท่าน ข้อมูลทั้งหมดอยู่ในเครื่องนี้และใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต คะแนนจะถูกบันทึกทันทีที่ท่านให้คะแนน</translation>
    </message>
    <message>
        <source>Open a bundle…</source>
        <translation>เปิดชุดผลงาน…</translation>
    </message>
    <message>
        <source>Open the demo contest</source>
        <translation>เปิดการประกวดตัวอย่าง</translation>
    </message>
    <message>
        <source>You can also drag a bundle file onto this window.</source>
        <translation>หรือลากไฟล์ชุดผลงานมาวางบนหน้าต่างนี้ก็ได้</translation>
    </message>
    <message>
        <source>For the secretariat</source>
        <translation>สำหรับฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Run a round: import the entries, assign the judges, issue their bundles, merge the signed score files and see the results. This opens the secretariat&apos;s window.</source>
        <translation>ดำเนินการรอบการพิจารณา ได้แก่ นำเข้าผลงาน มอบหมายกรรมการ ออกชุดผลงานให้กรรมการ รวมไฟล์ผลคะแนนที่ลงนามแล้ว และดูผลการพิจารณา ปุ่มด้านล่างจะเปิดหน้าต่างของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Open a contest database…</source>
        <translation>เปิดฐานข้อมูลการประกวด…</translation>
    </message>
    <message>
        <source>New contest database…</source>
        <translation>สร้างฐานข้อมูลการประกวดใหม่…</translation>
    </message>
    <message>
        <source>Try the secretariat demo</source>
        <translation>ทดลองใช้ตัวอย่างของฝ่ายเลขานุการ</translation>
    </message>
    <message>
        <source>Recent bundles</source>
        <translation>ชุดผลงานที่เปิดล่าสุด</translation>
    </message>
    <message>
        <source>No bundle opened yet on this computer.</source>
        <translation>ยังไม่เคยเปิดชุดผลงานบนเครื่องนี้</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Your key: %1</source>
        <translation>กุญแจของท่าน: %1</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>รหัสผ่านของท่าน</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>โปรดพิมพ์รหัสผ่านก่อน</translation>
    </message>
    <message>
        <source>That passphrase is not correct. Nothing was changed. Check the keyboard language (Thai or English) and Caps Lock, then try again.</source>
        <translation>รหัสผ่านไม่ถูกต้อง ไม่มีสิ่งใดถูกเปลี่ยนแปลง โปรดตรวจสอบภาษาของแป้นพิมพ์ (ไทยหรืออังกฤษ) และปุ่ม Caps Lock แล้วลองอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>WithdrawConflictCommand</name>
    <message>
        <source>%1: withdraw conflict of interest</source>
        <translation>%1: ถอนการแจ้งการมีส่วนได้เสีย</translation>
    </message>
</context>
<context>
    <name>_Document</name>
    <message>
        <source>Checking and opening the file…</source>
        <extracomment>pdfium is not thread-safe: one document is rendered at a time. Widest page image rendered (device pixels); wider views scale it up smoothly.</extracomment>
        <translation>กำลังตรวจสอบและเปิดไฟล์…</translation>
    </message>
    <message>
        <source>This file cannot be shown: %1</source>
        <translation>แสดงไฟล์นี้ไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>_StartColumn</name>
    <message>
        <source>(file no longer there) %1</source>
        <translation>(ไม่พบไฟล์แล้ว) %1</translation>
    </message>
</context>
</TS>
