<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AssignmentPage</name>
    <message>
        <source>Choose one entry in the table to change its judges.</source>
        <translation>เลือกผลงานหนึ่งรายการในตารางเพื่อเปลี่ยนกรรมการ</translation>
    </message>
    <message>
        <source>Calibration entries (every judge scores them first; left out of the ranking): %1</source>
        <translation>ผลงานปรับมาตรฐาน (กรรมการทุกคนให้คะแนนก่อน และไม่นำไปจัดอันดับ): %1</translation>
    </message>
    <message>
        <source>No calibration entries.</source>
        <translation>ยังไม่มีผลงานปรับมาตรฐาน</translation>
    </message>
    <message numerus="yes">
        <source>Judges who do not have them first yet: %n. Assign automatically to give them out.</source>
        <translation>
            <numerusform>กรรมการที่ยังไม่ได้รับผลงานเหล่านี้เป็นลำดับแรก: %n คน ให้กดจัดกรรมการอัตโนมัติเพื่อแจกให้ครบ</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundles of %1 were issued before their entries changed and are out of date. Issue them again on the Bundles page.</source>
        <translation>ชุดผลงานของ %1 ออกไปก่อนที่รายการผลงานจะเปลี่ยน จึงไม่เป็นปัจจุบันแล้ว ให้ออกชุดผลงานใหม่ที่หน้าชุดผลงาน</translation>
    </message>
    <message>
        <source>Assigning %1 judges per entry…</source>
        <translation>กำลังจัดกรรมการ %1 คนต่อผลงาน…</translation>
    </message>
    <message>
        <source>Assigned %1 judges to every entry: %2 to %3 entries per judge; %4 judges&apos; lists changed.</source>
        <translation>จัดกรรมการผลงานละ %1 คนแล้ว กรรมการแต่ละคนได้ %2 ถึง %3 ผลงาน รายการของกรรมการเปลี่ยนไป %4 คน</translation>
    </message>
    <message>
        <source>%1 does not get calibration entry %2: %3</source>
        <translation>%1 ไม่ได้รับผลงานปรับมาตรฐาน %2 เพราะ%3</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was changed. Entries that cannot get enough judges under the rules: %n.</source>
        <translation>
            <numerusform>ไม่มีการเปลี่ยนแปลงใด ๆ มีผลงาน %n รายการที่จัดกรรมการได้ไม่ครบตามเงื่อนไข</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs %2 judges, only %3 can judge it: %4</source>
        <translation>%1 ต้องมีกรรมการ %2 คน แต่พิจารณาได้เพียง %3 คน: %4</translation>
    </message>
    <message>
        <source>the contest has no more judges</source>
        <translation>การประกวดไม่มีกรรมการเพิ่มอีก</translation>
    </message>
    <message>
        <source>same province (%1)</source>
        <translation>อยู่จังหวัดเดียวกัน (%1)</translation>
    </message>
    <message>
        <source>tied to province %1</source>
        <translation>เกี่ยวข้องกับจังหวัด: %1</translation>
    </message>
    <message>
        <source>tied to organisation %1</source>
        <translation>เกี่ยวข้องกับ %1</translation>
    </message>
    <message>
        <source>declared a conflict</source>
        <translation>แจ้งว่ามีส่วนได้เสีย</translation>
    </message>
    <message>
        <source> and </source>
        <translation> และ</translation>
    </message>
    <message>
        <source>Type the reason for the change first; it is kept in the assignment log.</source>
        <translation>พิมพ์เหตุผลของการเปลี่ยนก่อน เหตุผลจะบันทึกไว้ในประวัติการจัดกรรมการ</translation>
    </message>
    <message>
        <source>Refused: %1 may not judge %2: %3</source>
        <translation>ไม่อนุญาต: %1 พิจารณา %2 ไม่ได้ เพราะ%3</translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation>เพิ่ม %1 ให้ %2 แล้ว</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>นำ %1 ออกจาก %2 แล้ว</translation>
    </message>
    <message>
        <source>%1 now has %2 judges; %3 are needed.</source>
        <translation>ขณะนี้ %1 มีกรรมการ %2 คน แต่ต้องมี %3 คน</translation>
    </message>
    <message>
        <source>%1 is a calibration entry; not every judge scores it now.</source>
        <translation>%1 เป็นผลงานปรับมาตรฐาน ขณะนี้ไม่ใช่กรรมการทุกคนที่ให้คะแนน</translation>
    </message>
    <message>
        <source>Calibration entries saved. Assign automatically to give them to every judge first.</source>
        <translation>บันทึกผลงานปรับมาตรฐานแล้ว ให้กดจัดกรรมการอัตโนมัติเพื่อให้กรรมการทุกคนได้รับเป็นลำดับแรก</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>การจัดกรรมการ</translation>
    </message>
    <message>
        <source>Every entry gets the same number of judges and the work is spread evenly. A judge is never given an entry from the judge&apos;s own province, from a province or organisation the judge is tied to, or one the judge declared a conflict on. The same seed always gives the same assignment.</source>
        <translation>ผลงานทุกรายการได้กรรมการจำนวนเท่ากัน และเฉลี่ยภาระงานให้ใกล้เคียงกัน กรรมการจะไม่ได้รับผลงานจากจังหวัดของตนเอง จากจังหวัดหรือหน่วยงานที่ตนเกี่ยวข้อง หรือผลงานที่ตนแจ้งว่ามีส่วนได้เสีย ค่าตั้งต้นเดียวกันให้ผลการจัดเหมือนเดิมเสมอ</translation>
    </message>
    <message>
        <source>&amp;Judges per entry</source>
        <translation>กรรมการต่อผลงาน (&amp;J)</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>ค่าตั้งต้น (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Assign automatically</source>
        <translation>จัดกรรมการอัตโนมัติ (&amp;A)</translation>
    </message>
    <message>
        <source>Con&amp;flicts of interest…</source>
        <translation>การมีส่วนได้เสีย… (&amp;F)</translation>
    </message>
    <message>
        <source>Assignment &amp;history…</source>
        <translation>ประวัติการจัดกรรมการ… (&amp;H)</translation>
    </message>
    <message>
        <source>Search entries (id, organisation, province, judge)</source>
        <translation>ค้นหาผลงาน (รหัส หน่วยงาน จังหวัด กรรมการ)</translation>
    </message>
    <message>
        <source>Change the judges of the selected entry</source>
        <translation>เปลี่ยนกรรมการของผลงานที่เลือก</translation>
    </message>
    <message>
        <source>Jud&amp;ge</source>
        <translation>กรรมการ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>เหตุผล (&amp;R)</translation>
    </message>
    <message>
        <source>Why, e.g. the judge asked to be replaced</source>
        <translation>เหตุผล เช่น กรรมการขอเปลี่ยนตัว</translation>
    </message>
    <message>
        <source>A&amp;dd judge</source>
        <translation>เพิ่มกรรมการ (&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move judge</source>
        <translation>นำกรรมการออก (&amp;M)</translation>
    </message>
    <message>
        <source>Calibration entries</source>
        <translation>ผลงานปรับมาตรฐาน</translation>
    </message>
    <message>
        <source>Mar&amp;k selected as calibration</source>
        <translation>กำหนดที่เลือกเป็นผลงานปรับมาตรฐาน (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Unmark selected</source>
        <translation>ยกเลิกที่เลือก (&amp;U)</translation>
    </message>
</context>
<context>
    <name>EntryPanelModel</name>
    <message>
        <source>Entry</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>ปรับมาตรฐาน</translation>
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
        <source>Judges</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>รายชื่อกรรมการ</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>ปรับมาตรฐาน</translation>
    </message>
    <message>
        <source>This entry has fewer judges than the others should have.</source>
        <translation>ผลงานนี้มีกรรมการน้อยกว่าที่ควรมี</translation>
    </message>
</context>
<context>
    <name>JudgeLoadModel</name>
    <message>
        <source>Judge</source>
        <translation>กรรมการ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>ปรับมาตรฐาน</translation>
    </message>
</context>
</TS>
