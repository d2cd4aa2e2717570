"""Words of the demo contest: rubric, provinces, places, people and project texts.

Only data lives here; :mod:`judge_app.demo` composes it. The rubric follows the
aims stated in DGA's announcement of the "ท้องถิ่นดิจิทัล ประจำปี 2565" contest
(better services to citizens, data linked between agencies, cyber security,
open and auditable data, lower costs for citizens, participation, people first,
efficient internal work); it is a demo rubric, not DGA's official one.

Project texts are templates with ``{placeholders}`` filled by the demo builder:
``{org}`` the full organisation name, ``{org_short}`` its abbreviation
(อบต.หนองบัว), ``{place}`` the place name, ``{place_en}`` its romanisation,
``{province}``, and numbers such as ``{before}``/``{after}`` whose ranges each
theme gives in ``numbers``.
"""

from __future__ import annotations

# ---------------------------------------------------------------- contest

CONTEST_ID = "dlg-2565"
CONTEST_TITLE_TH = "ประกวดนวัตกรรมท้องถิ่นดิจิทัล ประจำปี 2565"
CONTEST_TITLE_EN = "Digital Local Government Innovation Award 2022"
ORGANISER_TH = "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)"
ORGANISER_EN = "Digital Government Development Agency (Public Organization) (DGA)"
YEAR_BE = 2565

ROUND_ID = "r1"
ROUND_TITLE_TH = "รอบพิจารณาผลงาน"
ROUND_TITLE_EN = "Entry assessment round"
ROUND_DEADLINE = "2022-11-30"

SCALE = {"min": "1", "max": "5", "step": "0.5"}

# ---------------------------------------------------------------- rubric
# Each criterion: id, weight, titles, guidance, and what a 1, 3 and 5 look like.

CRITERIA: list[dict] = [
    {
        "id": "C1",
        "weight": "20",
        "title_th": "การยกระดับการให้บริการประชาชนโดยยึดประชาชนเป็นศูนย์กลาง",
        "title_en": "Better public services, people first",
        "guidance_th": (
            "พิจารณาว่าผลงานนำเทคโนโลยีดิจิทัลมาปรับปรุงงานบริการประชาชนให้สะดวก รวดเร็ว และเข้าถึงง่ายเพียงใด "
            "โดยออกแบบจากความต้องการของผู้รับบริการจริง รวมถึงผู้สูงอายุ คนพิการ และผู้ที่ไม่คุ้นเคยกับเทคโนโลยี"
        ),
        "guidance_en": (
            "How far the project uses digital technology to make services convenient, fast and easy to reach, "
            "designed from what users actually need, including older people, people with disabilities and those "
            "unfamiliar with technology."
        ),
        "levels": {
            "1": (
                "ใช้เทคโนโลยีเพียงนำแบบฟอร์มกระดาษขึ้นเว็บไซต์ ประชาชนยังต้องเดินทางมายื่นเอกสารหรือรับผลที่สำนักงาน "
                "ไม่มีข้อมูลว่ามีผู้ใช้บริการจริง และไม่ได้คำนึงถึงผู้สูงอายุหรือคนพิการ",
                "Technology only puts paper forms on a website; citizens still travel to the office to submit "
                "documents or collect the result, there is no evidence of real use, and older people or people "
                "with disabilities were not considered.",
            ),
            "3": (
                "ประชาชนทำธุรกรรมได้ทางออนไลน์ครบทุกขั้นตอนอย่างน้อยหนึ่งงานบริการ และมีสถิติผู้ใช้บริการต่อเนื่อง "
                "แต่งานบริการอื่นยังต้องมาติดต่อด้วยตนเอง และช่องทางช่วยเหลือผู้ที่ไม่ถนัดใช้เทคโนโลยียังมีจำกัด",
                "Citizens can complete at least one service online from start to finish and use is recorded "
                "steadily, but other services still need a visit and help for people not at ease with "
                "technology is limited.",
            ),
            "5": (
                "บริการออกแบบร่วมกับผู้ใช้จริงและใช้ได้ครบทุกขั้นตอนผ่านหลายช่องทาง เช่น เว็บไซต์ LINE Official Account "
                "และจุดบริการที่มีเจ้าหน้าที่ช่วยเหลือ รองรับผู้สูงอายุและคนพิการ "
                "มีหลักฐานความพึงพอใจและจำนวนผู้ใช้ที่เพิ่มขึ้นอย่างชัดเจน",
                "The service was designed with its real users and works end to end through several channels, "
                "such as a website, a LINE Official Account and assisted service points; it serves older people "
                "and people with disabilities, with clear evidence of satisfaction and growing use.",
            ),
        },
    },
    {
        "id": "C2",
        "weight": "15",
        "title_th": "การเชื่อมโยงและแลกเปลี่ยนข้อมูลระหว่างหน่วยงาน",
        "title_en": "Data linked between agencies",
        "guidance_th": (
            "พิจารณาการเชื่อมโยงข้อมูลกับหน่วยงานภาครัฐอื่นหรือระหว่างกองงานภายในองค์กร "
            "เพื่อให้ประชาชนไม่ต้องยื่นเอกสารซ้ำ และข้อมูลเป็นปัจจุบันและถูกต้องตรงกัน"
        ),
        "guidance_en": (
            "Whether data flow between the organisation and other government agencies, or between its own "
            "divisions, so citizens need not submit the same document twice and the data stay current and "
            "consistent."
        ),
        "levels": {
            "1": (
                "ข้อมูลแยกอยู่เฉพาะในระบบงานนั้น เจ้าหน้าที่ต้องพิมพ์ข้อมูลซ้ำระหว่างระบบ "
                "และประชาชนยังต้องแนบสำเนาบัตรประจำตัวประชาชนและทะเบียนบ้านทุกครั้งที่มาติดต่อ",
                "The data sit only in that one system; staff re-key them between systems, and citizens still "
                "attach copies of their ID card and house registration every time.",
            ),
            "3": (
                "เชื่อมโยงข้อมูลระหว่างกองงานภายในองค์กร หรือรับส่งข้อมูลกับหน่วยงานภายนอกอย่างน้อยหนึ่งแห่ง "
                "ด้วยการนำเข้าไฟล์เป็นรอบ ช่วยลดเอกสารที่ต้องขอจากประชาชนได้บางส่วน",
                "Data are shared between the organisation's divisions, or exchanged with at least one outside "
                "agency by periodic file imports, which removes some of the documents citizens must provide.",
            ),
            "5": (
                "เชื่อมโยงข้อมูลกับหน่วยงานภายนอกแบบอัตโนมัติผ่าน API หรือแพลตฟอร์มกลางภาครัฐ "
                "เช่น การยืนยันตัวตนด้วย ThaID หรือการตรวจสอบข้อมูลทะเบียนราษฎร "
                "ประชาชนไม่ต้องยื่นสำเนาเอกสารราชการ และมีข้อตกลงการใช้ข้อมูลร่วมกันที่ชัดเจน",
                "Data are exchanged automatically with outside agencies through APIs or central government "
                "platforms, such as identity checks with ThaID or civil registration look-ups; citizens no "
                "longer hand in copies of official documents, and data-sharing agreements are clear.",
            ),
        },
    },
    {
        "id": "C3",
        "weight": "15",
        "title_th": "ความมั่นคงปลอดภัยไซเบอร์และการคุ้มครองข้อมูลส่วนบุคคล",
        "title_en": "Cyber security and personal data protection",
        "guidance_th": (
            "พิจารณามาตรการรักษาความมั่นคงปลอดภัยของระบบ และการคุ้มครองข้อมูลส่วนบุคคลของผู้รับบริการ "
            "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ทั้งด้านเทคนิคและด้านการบริหารจัดการ"
        ),
        "guidance_en": (
            "The measures that keep the system secure and protect users' personal data under the Personal "
            "Data Protection Act B.E. 2562 (2019), both technical and organisational."
        ),
        "levels": {
            "1": (
                "ไม่มีการกำหนดสิทธิ์การเข้าถึงระบบ เจ้าหน้าที่ใช้บัญชีผู้ใช้ร่วมกัน ไม่มีการสำรองข้อมูล "
                "และไม่มีประกาศความเป็นส่วนตัวหรือการขอความยินยอมจากผู้ใช้บริการ",
                "Access rights are not defined, staff share one account, nothing is backed up, and there is no "
                "privacy notice or request for users' consent.",
            ),
            "3": (
                "เจ้าหน้าที่มีบัญชีผู้ใช้รายบุคคล ระบบใช้การเชื่อมต่อแบบเข้ารหัส (HTTPS) สำรองข้อมูลสม่ำเสมอ "
                "และมีประกาศความเป็นส่วนตัว แต่ยังไม่มีการประเมินความเสี่ยงหรือแผนรับมือเหตุผิดปกติที่เป็นลายลักษณ์อักษร",
                "Each staff member has an own account, connections are encrypted (HTTPS), data are backed up "
                "regularly and a privacy notice is published, but there is no written risk assessment or "
                "incident response plan.",
            ),
            "5": (
                "มีการประเมินความเสี่ยงและทดสอบเจาะระบบ กำหนดสิทธิ์ตามหน้าที่พร้อมบันทึกการเข้าถึง "
                "จัดเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น มีผู้รับผิดชอบด้านการคุ้มครองข้อมูลส่วนบุคคล มีแผนรับมือภัยคุกคาม "
                "และสำรองข้อมูลไว้นอกสถานที่โดยทดสอบการกู้คืนแล้ว",
                "Risks are assessed and the system is penetration-tested, access follows roles and is logged, "
                "only the personal data needed are kept, someone is responsible for data protection, a threat "
                "response plan exists, and off-site backups have been test-restored.",
            ),
        },
    },
    {
        "id": "C4",
        "weight": "15",
        "title_th": "การเปิดเผยข้อมูล ความโปร่งใส และการตรวจสอบได้",
        "title_en": "Open data, transparency and accountability",
        "guidance_th": (
            "พิจารณาว่าผลงานเปิดเผยข้อมูลการดำเนินงานที่เป็นประโยชน์ต่อสาธารณะในรูปแบบที่นำไปใช้ต่อได้ "
            "และเปิดให้ประชาชนติดตามสถานะคำขอและตรวจสอบการทำงานของหน่วยงานได้เพียงใด"
        ),
        "guidance_en": (
            "How far the project publishes useful information about the organisation's work in reusable form, "
            "and lets citizens follow their requests and check how the organisation performs."
        ),
        "levels": {
            "1": (
                "ไม่เปิดเผยข้อมูลการดำเนินงาน หรือเผยแพร่เพียงข่าวประชาสัมพันธ์และรูปภาพบนเพจของหน่วยงาน "
                "ประชาชนไม่สามารถติดตามสถานะคำขอของตนเองได้",
                "No information about the work is published, or only news and photos on the organisation's "
                "page; citizens cannot follow the status of their own requests.",
            ),
            "3": (
                "ประชาชนติดตามสถานะคำขอได้ทางออนไลน์ และมีการเผยแพร่สถิติหรือรายงานผลการดำเนินงานเป็นระยะ "
                "แต่อยู่ในรูปแบบไฟล์ PDF หรือรูปภาพที่นำไปประมวลผลต่อได้ยาก",
                "Citizens can track their requests online and statistics or performance reports are published "
                "from time to time, but as PDF files or images that are hard to reuse.",
            ),
            "5": (
                "เปิดเผยชุดข้อมูลที่เครื่องอ่านได้ เช่น CSV หรือ API บนเว็บไซต์ของหน่วยงานและศูนย์กลางข้อมูลเปิดภาครัฐ "
                "(data.go.th) พร้อมคำอธิบายชุดข้อมูลและปรับปรุงสม่ำเสมอ และมีแดชบอร์ดสาธารณะแสดงระยะเวลาให้บริการ "
                "และผลการจัดการเรื่องร้องเรียน",
                "Machine-readable datasets, such as CSV or an API, are published on the organisation's website "
                "and the government open data portal (data.go.th) with metadata and regular updates, and a "
                "public dashboard shows service times and how complaints were resolved.",
            ),
        },
    },
    {
        "id": "C5",
        "weight": "15",
        "title_th": "การลดภาระค่าใช้จ่ายและระยะเวลาของประชาชน",
        "title_en": "Lower cost and time for citizens",
        "guidance_th": (
            "พิจารณาผลลัพธ์ที่วัดได้จริงในการลดค่าเดินทาง ค่าเอกสาร จำนวนครั้งที่ต้องมาติดต่อ และระยะเวลารอคอย "
            "โดยเปรียบเทียบก่อนและหลังการใช้ระบบ"
        ),
        "guidance_en": (
            "Measured results in cutting travel and document costs, the number of visits and waiting time, "
            "compared before and after the system."
        ),
        "levels": {
            "1": (
                "ไม่มีข้อมูลเปรียบเทียบก่อนและหลังการใช้ระบบ หรือระบบใหม่ไม่ได้ลดขั้นตอนเดิม "
                "ประชาชนยังต้องมาติดต่อจำนวนครั้งเท่าเดิม",
                "There are no before-and-after figures, or the new system removes no existing step; citizens "
                "still make as many visits as before.",
            ),
            "3": (
                "มีตัวเลขแสดงว่าระยะเวลารอคอยหรือจำนวนครั้งที่ต้องมาติดต่อลดลงในบางงานบริการ "
                "เช่น ลดเวลารอจาก 7 วันเหลือ 3 วัน แต่ยังวัดผลไม่ต่อเนื่องหรือครอบคลุมผู้ใช้เพียงบางกลุ่ม",
                "Figures show shorter waits or fewer visits for some services, for example from 7 days to 3, but "
                "results are not measured continuously or cover only some users.",
            ),
            "5": (
                "มีผลลัพธ์ที่วัดต่อเนื่องและตรวจสอบได้ว่าประชาชนประหยัดเวลาและค่าใช้จ่ายอย่างมีนัยสำคัญ "
                "เช่น งานบริการส่วนใหญ่ไม่ต้องเดินทางมาที่สำนักงานเลย และมีการคำนวณมูลค่าที่ประหยัดได้ในภาพรวมของพื้นที่",
                "Continuously measured, verifiable results show citizens save significant time and money, for "
                "example most services need no office visit at all, and the total saving for the area is "
                "estimated.",
            ),
        },
    },
    {
        "id": "C6",
        "weight": "10",
        "title_th": "การมีส่วนร่วมของประชาชนและภาคีเครือข่าย",
        "title_en": "Citizen and partner participation",
        "guidance_th": (
            "พิจารณาการเปิดโอกาสให้ประชาชน ชุมชน และภาคีเครือข่ายร่วมออกแบบ แสดงความคิดเห็น แจ้งปัญหา "
            "และติดตามการพัฒนาบริการผ่านช่องทางดิจิทัล"
        ),
        "guidance_en": (
            "How citizens, communities and partners help design the service, give opinions, report problems "
            "and follow its development through digital channels."
        ),
        "levels": {
            "1": (
                "ประชาชนเป็นเพียงผู้รับบริการ ไม่มีช่องทางแสดงความคิดเห็นหรือแจ้งปัญหาผ่านระบบ "
                "และไม่มีการนำข้อเสนอแนะมาปรับปรุงบริการ",
                "Citizens only receive the service; there is no way to give feedback or report problems through "
                "the system, and suggestions are not used to improve it.",
            ),
            "3": (
                "มีช่องทางรับฟังความคิดเห็นหรือแจ้งเรื่องผ่าน LINE หรือแบบสอบถามออนไลน์ "
                "และมีตัวอย่างการนำข้อเสนอแนะมาปรับปรุงบริการ แต่ประชาชนยังไม่ได้ร่วมออกแบบตั้งแต่ต้น",
                "Feedback and reports are collected through LINE or online surveys and some suggestions have "
                "been acted on, but citizens did not help design the service from the start.",
            ),
            "5": (
                "ประชาชน ผู้นำชุมชน อาสาสมัคร ภาคเอกชน หรือสถาบันการศึกษาร่วมออกแบบและทดสอบบริการ "
                "มีการรับฟังความคิดเห็นอย่างต่อเนื่องและแจ้งผลการปรับปรุงกลับให้ผู้เสนอทราบ "
                "และชุมชนมีบทบาทดูแลบริการร่วมกับหน่วยงาน",
                "Citizens, community leaders, volunteers and private or academic partners designed and tested "
                "the service; feedback is gathered continuously and proposers are told what changed, and the "
                "community helps run the service with the organisation.",
            ),
        },
    },
    {
        "id": "C7",
        "weight": "10",
        "title_th": "ประสิทธิภาพการทำงานภายในองค์กรและความยั่งยืน",
        "title_en": "Internal efficiency and sustainability",
        "guidance_th": (
            "พิจารณาการนำเทคโนโลยีดิจิทัลมาเปลี่ยนวิธีการทำงานภายในองค์กร ลดการใช้กระดาษและขั้นตอนที่ซ้ำซ้อน "
            "การพัฒนาทักษะบุคลากร และความสามารถในการดำเนินงานต่อเนื่องและขยายผลไปยังหน่วยงานอื่น"
        ),
        "guidance_en": (
            "How digital technology changes the way the organisation works inside: less paper and duplicated "
            "steps, staff skills, and the ability to keep the work going and extend it to other organisations."
        ),
        "levels": {
            "1": (
                "ระบบใช้งานแยกจากงานประจำ เจ้าหน้าที่ยังทำเอกสารซ้ำทั้งบนกระดาษและในระบบ "
                "งานขึ้นอยู่กับเจ้าหน้าที่เพียงคนเดียว และไม่มีงบประมาณหรือแผนดูแลระบบในปีต่อไป",
                "The system runs beside daily work; staff still do the paperwork twice, on paper and in the "
                "system, everything depends on one person, and there is no budget or plan to maintain it next "
                "year.",
            ),
            "3": (
                "งานภายในบางส่วนเปลี่ยนมาทำบนระบบดิจิทัล ลดการใช้กระดาษและเวลาทำงานได้ชัดเจน "
                "มีการอบรมเจ้าหน้าที่ แต่แผนดูแลระบบและงบประมาณในระยะยาวยังไม่ชัดเจน",
                "Some internal work has moved to digital systems, clearly saving paper and staff time, and staff "
                "have been trained, but long-term maintenance and funding are not yet settled.",
            ),
            "5": (
                "กระบวนงานภายในเป็นดิจิทัลตั้งแต่ต้นจนจบ เช่น สารบรรณอิเล็กทรอนิกส์และการอนุมัติออนไลน์ "
                "เจ้าหน้าที่หลายคนดูแลระบบแทนกันได้ มีแผนและงบประมาณรองรับต่อเนื่อง "
                "และมีหน่วยงานอื่นนำแนวทางไปใช้หรือขอศึกษาดูงานแล้ว",
                "Internal processes are digital end to end, such as electronic correspondence and online "
                "approval; several staff can run the system, a plan and budget secure its future, and other "
                "organisations have adopted the approach or come to study it.",
            ),
        },
    },
]

# ---------------------------------------------------------------- provinces
# All 77 provinces (Thai, English). Bangkok is governed by the Bangkok
# Metropolitan Administration, not by อบต./เทศบาล/อบจ., so no demo entry comes
# from it; judges may live there.

BANGKOK = "กรุงเทพมหานคร"

PROVINCES: list[tuple[str, str]] = [
    ("กรุงเทพมหานคร", "Bangkok"),
    # north
    ("เชียงใหม่", "Chiang Mai"), ("เชียงราย", "Chiang Rai"), ("ลำปาง", "Lampang"), ("ลำพูน", "Lamphun"),
    ("แม่ฮ่องสอน", "Mae Hong Son"), ("น่าน", "Nan"), ("พะเยา", "Phayao"), ("แพร่", "Phrae"),
    ("อุตรดิตถ์", "Uttaradit"), ("ตาก", "Tak"), ("สุโขทัย", "Sukhothai"), ("พิษณุโลก", "Phitsanulok"),
    ("พิจิตร", "Phichit"), ("กำแพงเพชร", "Kamphaeng Phet"), ("เพชรบูรณ์", "Phetchabun"),
    ("นครสวรรค์", "Nakhon Sawan"), ("อุทัยธานี", "Uthai Thani"),
    # north-east
    ("กาฬสินธุ์", "Kalasin"), ("ขอนแก่น", "Khon Kaen"), ("ชัยภูมิ", "Chaiyaphum"), ("นครพนม", "Nakhon Phanom"),
    ("นครราชสีมา", "Nakhon Ratchasima"), ("บึงกาฬ", "Bueng Kan"), ("บุรีรัมย์", "Buri Ram"),
    ("มหาสารคาม", "Maha Sarakham"), ("มุกดาหาร", "Mukdahan"), ("ยโสธร", "Yasothon"), ("ร้อยเอ็ด", "Roi Et"),
    ("เลย", "Loei"), ("ศรีสะเกษ", "Si Sa Ket"), ("สกลนคร", "Sakon Nakhon"), ("สุรินทร์", "Surin"),
    ("หนองคาย", "Nong Khai"), ("หนองบัวลำภู", "Nong Bua Lam Phu"), ("อำนาจเจริญ", "Amnat Charoen"),
    ("อุดรธานี", "Udon Thani"), ("อุบลราชธานี", "Ubon Ratchathani"),
    # central
    ("ชัยนาท", "Chai Nat"), ("นครนายก", "Nakhon Nayok"), ("นครปฐม", "Nakhon Pathom"), ("นนทบุรี", "Nonthaburi"),
    ("ปทุมธานี", "Pathum Thani"), ("พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"), ("ลพบุรี", "Lop Buri"),
    ("สมุทรปราการ", "Samut Prakan"), ("สมุทรสงคราม", "Samut Songkhram"), ("สมุทรสาคร", "Samut Sakhon"),
    ("สระบุรี", "Saraburi"), ("สิงห์บุรี", "Sing Buri"), ("สุพรรณบุรี", "Suphan Buri"), ("อ่างทอง", "Ang Thong"),
    # east
    ("จันทบุรี", "Chanthaburi"), ("ฉะเชิงเทรา", "Chachoengsao"), ("ชลบุรี", "Chon Buri"), ("ตราด", "Trat"),
    ("ปราจีนบุรี", "Prachin Buri"), ("ระยอง", "Rayong"), ("สระแก้ว", "Sa Kaeo"),
    # west
    ("กาญจนบุรี", "Kanchanaburi"), ("ประจวบคีรีขันธ์", "Prachuap Khiri Khan"), ("เพชรบุรี", "Phetchaburi"),
    ("ราชบุรี", "Ratchaburi"),
    # south
    ("กระบี่", "Krabi"), ("ชุมพร", "Chumphon"), ("ตรัง", "Trang"), ("นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("นราธิวาส", "Narathiwat"), ("ปัตตานี", "Pattani"), ("พังงา", "Phang Nga"), ("พัทลุง", "Phatthalung"),
    ("ภูเก็ต", "Phuket"), ("ยะลา", "Yala"), ("ระนอง", "Ranong"), ("สงขลา", "Songkhla"), ("สตูล", "Satun"),
    ("สุราษฎร์ธานี", "Surat Thani"),
]

#: Real city municipalities (เทศบาลนคร): name after "เทศบาลนคร", romanised, province.
CITY_MUNICIPALITIES: list[tuple[str, str, str]] = [
    ("เชียงใหม่", "chiangmai", "เชียงใหม่"),
    ("เชียงราย", "chiangrai", "เชียงราย"),
    ("ลำปาง", "lampang", "ลำปาง"),
    ("พิษณุโลก", "phitsanulok", "พิษณุโลก"),
    ("นครสวรรค์", "nakhonsawan", "นครสวรรค์"),
    ("แม่สอด", "maesot", "ตาก"),
    ("ขอนแก่น", "khonkaen", "ขอนแก่น"),
    ("อุดรธานี", "udonthani", "อุดรธานี"),
    ("นครราชสีมา", "nakhonratchasima", "นครราชสีมา"),
    ("อุบลราชธานี", "ubonratchathani", "อุบลราชธานี"),
    ("สกลนคร", "sakonnakhon", "สกลนคร"),
    ("นนทบุรี", "nonthaburi", "นนทบุรี"),
    ("ปากเกร็ด", "pakkret", "นนทบุรี"),
    ("รังสิต", "rangsit", "ปทุมธานี"),
    ("สมุทรปราการ", "samutprakan", "สมุทรปราการ"),
    ("สมุทรสาคร", "samutsakhon", "สมุทรสาคร"),
    ("อ้อมน้อย", "omnoi", "สมุทรสาคร"),
    ("นครปฐม", "nakhonpathom", "นครปฐม"),
    ("พระนครศรีอยุธยา", "ayutthaya", "พระนครศรีอยุธยา"),
    ("ระยอง", "rayong", "ระยอง"),
    ("แหลมฉบัง", "laemchabang", "ชลบุรี"),
    ("เจ้าพระยาสุรศักดิ์", "chaophrayasurasak", "ชลบุรี"),
    ("สุราษฎร์ธานี", "suratthani", "สุราษฎร์ธานี"),
    ("เกาะสมุย", "kohsamui", "สุราษฎร์ธานี"),
    ("นครศรีธรรมราช", "nakhonsithammarat", "นครศรีธรรมราช"),
    ("หาดใหญ่", "hatyai", "สงขลา"),
    ("สงขลา", "songkhla", "สงขลา"),
    ("ยะลา", "yala", "ยะลา"),
    ("ตรัง", "trang", "ตรัง"),
    ("ภูเก็ต", "phuket", "ภูเก็ต"),
]

#: Common Thai place names (found in many provinces) with a romanisation for e-mail addresses.
PLACES: list[tuple[str, str]] = [
    ("หนองบัว", "nongbua"), ("ท่าช้าง", "thachang"), ("บ้านไผ่", "banphai"), ("โนนสูง", "nonsung"),
    ("ดอนแก้ว", "donkaeo"), ("ห้วยทราย", "huaisai"), ("วังน้ำเย็น", "wangnamyen"), ("บางพระ", "bangphra"),
    ("นาดี", "nadi"), ("ทุ่งใหญ่", "thungyai"), ("ป่าแดด", "padaet"), ("หนองหญ้าไซ", "nongyasai"),
    ("โคกสูง", "khoksung"), ("บ้านใหม่", "banmai"), ("ท่าข้าม", "thakham"), ("นาเกลือ", "naklua"),
    ("สันทราย", "sansai"), ("หนองปลาไหล", "nongplalai"), ("คลองใหญ่", "khlongyai"), ("ไม้เรียง", "mairiang"),
    ("ทุ่งสง", "thungsong"), ("ควนลัง", "khuanlang"), ("ปากพูน", "pakphun"), ("บ่อวิน", "bowin"),
    ("หนองแวง", "nongwaeng"), ("ศรีสุข", "sisuk"), ("โพนทอง", "phonthong"), ("ดงมะไฟ", "dongmafai"),
    ("นาจาน", "nachan"), ("เชียงยืน", "chiangyuen"), ("ห้วยยาง", "huaiyang"), ("ท่าศาลา", "thasala"),
    ("บึงยี่โถ", "bueangyitho"), ("คูคต", "khukhot"), ("บางบัวทอง", "bangbuathong"), ("สำโรง", "samrong"),
    ("บางปู", "bangpu"), ("ชะอำ", "cha-am"), ("บางสะพาน", "bangsaphan"), ("ท่าม่วง", "thamuang"),
    ("ลาดหญ้า", "latya"), ("โพธาราม", "photharam"), ("บ้านโป่ง", "banpong"), ("ดอนตูม", "dontum"),
    ("กำแพงแสน", "kamphaengsaen"), ("อู่ทอง", "uthong"), ("ศรีประจันต์", "siprachan"), ("บ้านหมี่", "banmi"),
    ("หนองแค", "nongkhae"), ("ท่าเรือ", "tharuea"), ("บางปะอิน", "bangpain"), ("เสนา", "sena"),
    ("วังทอง", "wangthong"), ("บ้านกร่าง", "bankrang"), ("แม่จัน", "maechan"), ("เวียงชัย", "wiangchai"),
    ("ป่าซาง", "pasang"), ("ห้างฉัตร", "hangchat"), ("ร้องกวาง", "rongkwang"), ("ปัว", "pua"),
    ("ท่าวังผา", "thawangpha"), ("หนองตูม", "nongtum"), ("โพธิ์ชัย", "phochai"), ("เมืองเพีย", "mueangphia"),
    ("นาโพธิ์", "napho"), ("หัวทะเล", "huathale"), ("ปากน้ำ", "paknam"), ("น้ำพอง", "namphong"),
    ("ทุ่งฝน", "thungfon"), ("ฝั่งแดง", "fangdaeng"), ("ปึกเตียน", "puektian"), ("ดอนเจดีย์", "donchedi"),
    ("หนองขาม", "nongkham"), ("บ้านค้อ", "bankho"), ("นาหว้า", "nawa"), ("เขาพระ", "khaophra"),
    ("ลำลูกบัว", "lamlukbua"), ("พุทธบาท", "phutthabat"), ("ท่าตูม", "thatum"), ("ศรีภูมิ", "siphum"),
    ("หนองน้ำใส", "nongnamsai"), ("ทุ่งลูกนก", "thungluknok"), ("เกาะขวาง", "kokhwang"), ("ริมปิง", "rimping"),
]

#: Abbreviations used in official Thai writing, by org type.
ORG_PREFIXES: dict[str, tuple[str, str]] = {
    "sao": ("องค์การบริหารส่วนตำบล", "อบต."),
    "subdistrict_municipality": ("เทศบาลตำบล", "ทต."),
    "town_municipality": ("เทศบาลเมือง", "ทม."),
    "city_municipality": ("เทศบาลนคร", "ทน."),
    "pao": ("องค์การบริหารส่วนจังหวัด", "อบจ."),
}

#: Relative numbers of entries by org type (most entrants are small organisations).
ORG_TYPE_SHARES: dict[str, int] = {
    "sao": 44,
    "subdistrict_municipality": 34,
    "town_municipality": 12,
    "city_municipality": 5,
    "pao": 5,
}

# ---------------------------------------------------------------- people

CONTACT_FIRST_NAMES_MALE = [
    "สมชาย", "ธนากร", "วีรยุทธ", "ณัฐวุฒิ", "อนุชิต", "ประเสริฐ", "กิตติพงษ์", "สุริยา", "ชัยวัฒน์", "พงศกร",
    "ภานุวัฒน์", "ศุภชัย", "อภิสิทธิ์", "จักรพันธ์", "ธีรพงษ์", "วิทยา", "สราวุธ", "บุญเลิศ", "ปิยะพงษ์", "เอกชัย",
]
CONTACT_FIRST_NAMES_FEMALE = [
    "สุภาพร", "กาญจนา", "นงลักษณ์", "วิไลวรรณ", "ศิริพร", "พัชรินทร์", "อรุณี", "จันทร์เพ็ญ", "ณัฐธิดา", "ปวีณา",
    "รัตนาภรณ์", "สุนิสา", "ชลธิชา", "ดวงใจ", "มาลัย", "อัญชลี", "เบญจวรรณ", "ธิดารัตน์", "พิมพ์ชนก", "ลำดวน",
]
CONTACT_SURNAMES = [
    "ศรีสวัสดิ์", "แก้วมณี", "บุญมา", "ทองคำ", "สุขเจริญ", "พรหมวงศ์", "ใจดี", "จันทร์หอม", "ชัยมงคล", "มั่นคง",
    "ปัญญาดี", "รุ่งเรืองศรี", "สายสุวรรณ", "เพชรรัตน์", "อินทร์แก้ว", "ทิพย์สุวรรณ", "ขันทอง", "ศรีบุญเรือง",
    "วงศ์ใหญ่", "คำแสน", "ปั้นทอง", "นาคสวัสดิ์", "เที่ยงธรรม", "ลิ้มสกุล", "ดวงแก้ว", "สีดาน้อย", "ภูมิพันธ์",
]
#: Local part of contact e-mail addresses (the domain is example.org, reserved for examples).
CONTACT_MAILBOXES = ["saraban", "it", "plan", "info", "egov", "digital", "service", "admin"]

#: The committee: id, name, affiliation, province, position.
JUDGES: list[dict[str, str]] = [
    {
        "id": "J01",
        "name": "ดร.ณัฐพงศ์ ปั้นทองคำ",
        "affiliation": "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
        "province": "กรุงเทพมหานคร",
        "position": "ผู้อำนวยการฝ่ายส่งเสริมนวัตกรรมรัฐบาลดิจิทัล",
    },
    {
        "id": "J02",
        "name": "นางพิมพ์ชนก ศรีน้ำเงิน",
        "affiliation": "กรมส่งเสริมการปกครองท้องถิ่น",
        "province": "กรุงเทพมหานคร",
        "position": "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ",
    },
    {
        "id": "J03",
        "name": "นายวีระพงษ์ เที่ยงธรรมกุล",
        "affiliation": "สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ",
        "province": "กรุงเทพมหานคร",
        "position": "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน",
    },
    {
        "id": "J04",
        "name": "นางสาวศิริลักษณ์ ลิ้มประเสริฐ",
        "affiliation": "ศูนย์เทคโนโลยีอิเล็กทรอนิกส์และคอมพิวเตอร์แห่งชาติ (NECTEC)",
        "province": "ปทุมธานี",
        "position": "วิศวกรอาวุโส ทีมวิจัยระบบสารสนเทศเพื่อการบริหารจัดการภาครัฐ",
    },
    {
        "id": "J05",
        "name": "รศ.ดร.ธีรวัฒน์ ปั้นเหน่งเพ็ชร",
        "affiliation": "วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น",
        "province": "ขอนแก่น",
        "position": "อาจารย์ประจำหลักสูตรรัฐประศาสนศาสตร์",
    },
    {
        "id": "J06",
        "name": "ผศ.ดร.กุลธิดา ญาณวงศ์ใหญ่",
        "affiliation": "วิทยาลัยศิลปะ สื่อ และเทคโนโลยี มหาวิทยาลัยเชียงใหม่",
        "province": "เชียงใหม่",
        "position": "อาจารย์ประจำสาขาวิชาการจัดการความรู้",
    },
    {
        "id": "J07",
        "name": "ผศ.อรุณี ชื่นน้ำผึ้ง",
        "affiliation": "สถาบันเทคโนโลยีไทย-ญี่ปุ่น",
        "province": "กรุงเทพมหานคร",
        "position": "คณบดีคณะเทคโนโลยีสารสนเทศ",
    },
]

# ---------------------------------------------------------------- projects
# Each theme is one kind of digital service. ``org_types`` limits it to the
# organisations that actually provide such a service (an อบจ. does not collect
# land tax or issue building permits). Slots: ``titles`` (``{brand}`` optional),
# ``brands``, ``problems``, ``solutions``, ``results``; ``numbers`` gives the
# inclusive range of each number placeholder.

ALL_TYPES = ("sao", "subdistrict_municipality", "town_municipality", "city_municipality", "pao")
LOCAL_TYPES = ("sao", "subdistrict_municipality", "town_municipality", "city_municipality")
MUNICIPAL_TYPES = ("subdistrict_municipality", "town_municipality", "city_municipality")

THEMES: list[dict] = [
    {
        "key": "building_permit",
        "chart": "requests",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ระบบยื่นขออนุญาตก่อสร้างอาคารออนไลน์",
            "การพัฒนาระบบขออนุญาตก่อสร้าง ดัดแปลง และรื้อถอนอาคารแบบอิเล็กทรอนิกส์",
            "บริการขออนุญาตก่อสร้างอาคารผ่านระบบ e-Permit",
        ],
        "brands": ["{place} e-Permit", "ขออนุญาตง่าย {place}", "{place}สร้างบ้านทันใจ"],
        "problems": [
            "เดิมประชาชนที่ต้องการขออนุญาตก่อสร้างอาคารต้องเดินทางมายื่นแบบแปลนที่สำนักงานอย่างน้อย {visits} ครั้ง "
            "และรอผลการพิจารณานานถึง {before} วัน",
            "ผู้ยื่นคำขออนุญาตก่อสร้างส่วนใหญ่เป็นผู้รับเหมาและเจ้าของบ้านที่ทำงานในเวลาราชการ "
            "การต้องมาติดต่อที่สำนักงานหลายครั้งจึงเป็นภาระ และเอกสารแบบแปลนกระดาษมักสูญหายระหว่างส่งต่อให้นายช่างตรวจ",
        ],
        "solutions": [
            "{org}จึงพัฒนาระบบให้ผู้ขออนุญาตอัปโหลดแบบแปลนและเอกสารประกอบเป็นไฟล์ PDF "
            "ชำระค่าธรรมเนียมผ่าน QR Code และติดตามสถานะคำขอได้ตลอด 24 ชั่วโมง",
            "ระบบใหม่ให้นายช่างตรวจแบบแปลนบนหน้าจอ แจ้งแก้ไขผ่านข้อความ SMS และ LINE "
            "และออกใบอนุญาตอิเล็กทรอนิกส์ที่ตรวจสอบความถูกต้องได้ด้วย QR Code",
        ],
        "results": [
            "หลังเปิดใช้งาน ระยะเวลาพิจารณาลดลงจาก {before} วันเหลือ {after} วัน และมีผู้ยื่นคำขอผ่านระบบแล้ว {users} ราย",
            "ในปีงบประมาณ พ.ศ. 2565 คำขออนุญาตร้อยละ {percent} ยื่นผ่านช่องทางออนไลน์ "
            "ประชาชนไม่ต้องเดินทางมาที่สำนักงานเลยตั้งแต่ยื่นคำขอจนได้รับใบอนุญาต",
        ],
        "numbers": {"visits": (2, 4), "before": (15, 45), "after": (3, 7), "users": (60, 450), "percent": (55, 90)},
    },
    {
        "key": "local_tax",
        "chart": "requests",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ระบบชำระภาษีที่ดินและสิ่งปลูกสร้างออนไลน์",
            "การรับชำระภาษีท้องถิ่นผ่าน QR Code และ Mobile Banking",
            "บริการแจ้งและชำระภาษีป้ายและภาษีที่ดินแบบไร้เงินสด",
        ],
        "brands": ["{place} e-Tax", "ภาษีดี{place}", "Smart Tax {place_title}"],
        "problems": [
            "ทุกปีในช่วงเดือนเมษายน ผู้เสียภาษีที่ดินและสิ่งปลูกสร้างต้องต่อแถวรอชำระภาษีที่สำนักงานนานกว่า {wait} นาที "
            "และผู้ที่ทำงานต่างจังหวัดต้องเดินทางกลับมาเพื่อชำระภาษีเพียงอย่างเดียว",
            "การจัดเก็บภาษีด้วยใบเสร็จกระดาษทำให้เจ้าหน้าที่กองคลังต้องบันทึกข้อมูลซ้ำหลายครั้ง "
            "และเกิดข้อผิดพลาดในการกระทบยอดเป็นประจำ",
        ],
        "solutions": [
            "{org}ส่งใบแจ้งประเมินภาษีพร้อม PromptPay QR Code ให้ผู้เสียภาษีทุกราย "
            "ผู้เสียภาษีสแกนชำระผ่าน Mobile Banking ได้ทันทีและได้รับใบเสร็จอิเล็กทรอนิกส์ทาง e-mail หรือ LINE",
            "ระบบเชื่อมต่อกับธนาคารเพื่อกระทบยอดการรับชำระโดยอัตโนมัติทุกวัน "
            "และเจ้าหน้าที่ตรวจสอบรายการค้างชำระได้จากแดชบอร์ดเดียว",
        ],
        "results": [
            "ในปี พ.ศ. 2565 มีผู้ชำระภาษีผ่าน QR Code แล้ว {users} ราย คิดเป็นร้อยละ {percent} ของผู้เสียภาษีทั้งหมด "
            "และจัดเก็บภาษีได้เพิ่มขึ้นจากปีก่อนร้อยละ {increase}",
            "เวลาที่ใช้ในการชำระภาษีลดจากประมาณ {wait} นาทีเหลือไม่ถึง 5 นาที "
            "และเจ้าหน้าที่กองคลังปิดบัญชีประจำวันได้เร็วขึ้นวันละประมาณ 2 ชั่วโมง",
        ],
        "numbers": {"wait": (40, 120), "users": (300, 2800), "percent": (25, 70), "increase": (5, 18)},
    },
    {
        "key": "complaints",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ระบบรับเรื่องร้องเรียนร้องทุกข์ผ่าน LINE Official Account",
            "ช่องทางแจ้งเหตุและเรื่องร้องเรียนออนไลน์ พร้อมติดตามผลแบบเรียลไทม์",
            "การบริหารจัดการเรื่องร้องเรียนด้วยแพลตฟอร์มดิจิทัล",
        ],
        "brands": ["{place}ร่วมใจ", "แจ้งได้ทุกเรื่อง {place}", "{place} Connect"],
        "problems": [
            "เรื่องร้องเรียนของประชาชน เช่น ไฟฟ้าสาธารณะดับ ถนนชำรุด และน้ำท่วมขัง เดิมรับทางโทรศัพท์และจดลงสมุด "
            "ทำให้ติดตามไม่ได้ว่าเรื่องใดแก้ไขแล้ว และผู้ร้องไม่ทราบความคืบหน้า",
            "ประชาชนในพื้นที่ส่วนใหญ่ใช้ LINE ในชีวิตประจำวันอยู่แล้ว "
            "แต่หน่วยงานยังรับเรื่องร้องเรียนเฉพาะการมาติดต่อด้วยตนเองหรือทางโทรศัพท์ในเวลาราชการ",
        ],
        "solutions": [
            "{org}เปิดบัญชี LINE Official Account ให้ประชาชนแจ้งเรื่องพร้อมแนบภาพถ่ายและพิกัดจากโทรศัพท์ "
            "ระบบส่งเรื่องถึงกองที่รับผิดชอบโดยอัตโนมัติ และแจ้งสถานะกลับไปยังผู้ร้องทุกขั้นตอน",
            "เจ้าหน้าที่ภาคสนามรับงานและปิดงานผ่านโทรศัพท์มือถือ โดยถ่ายภาพก่อนและหลังแก้ไขแนบไว้ในระบบ "
            "ผู้บริหารติดตามเรื่องค้างได้จากแดชบอร์ดรายวัน",
        ],
        "results": [
            "ตั้งแต่เปิดใช้งานมีเรื่องแจ้งผ่านระบบ {users} เรื่อง แก้ไขแล้วเสร็จร้อยละ {percent} "
            "และระยะเวลาตอบสนองเฉลี่ยลดจาก {before} วันเหลือ {after} วัน",
            "บัญชี LINE Official Account มีผู้ติดตาม {followers} คน "
            "หรือประมาณร้อยละ {share} ของประชากรในพื้นที่ และความพึงพอใจของผู้ร้องอยู่ที่ 4.{satisfaction} จาก 5 คะแนน",
        ],
        "numbers": {"users": (180, 2400), "percent": (82, 98), "before": (7, 20), "after": (1, 3),
                    "followers": (1200, 16000), "share": (15, 55), "satisfaction": (1, 8)},
    },
    {
        "key": "open_data",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ศูนย์ข้อมูลเปิดเพื่อความโปร่งใส (Open Data) ของท้องถิ่น",
            "การเปิดเผยข้อมูลการจัดซื้อจัดจ้างและงบประมาณบนแพลตฟอร์มข้อมูลเปิด",
            "แดชบอร์ดข้อมูลท้องถิ่นเพื่อการตัดสินใจและการตรวจสอบของประชาชน",
        ],
        "brands": ["{place} Open Data", "ข้อมูลเปิด{place}", "Open {place_title}"],
        "problems": [
            "ประชาชนและสื่อมวลชนมักสอบถามข้อมูลงบประมาณ การจัดซื้อจัดจ้าง และสถิติการให้บริการ "
            "ซึ่งเจ้าหน้าที่ต้องรวบรวมจากหลายกองและตอบเป็นรายกรณี",
            "ข้อมูลของหน่วยงานกระจายอยู่ในไฟล์ Excel ของแต่ละกอง ไม่มีมาตรฐานเดียวกัน "
            "ทำให้ทั้งผู้บริหารและประชาชนไม่สามารถนำข้อมูลมาใช้วิเคราะห์ได้",
        ],
        "solutions": [
            "{org}จัดทำบัญชีข้อมูลตามแนวทางธรรมาภิบาลข้อมูลภาครัฐ และเปิดเผยชุดข้อมูล {datasets} ชุดในรูปแบบ CSV "
            "บนเว็บไซต์ของหน่วยงานและศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th",
            "แดชบอร์ดสาธารณะแสดงการใช้จ่ายงบประมาณรายโครงการ ความคืบหน้าการก่อสร้าง "
            "และสถิติเรื่องร้องเรียน โดยปรับปรุงข้อมูลอัตโนมัติทุกเดือน",
        ],
        "results": [
            "ชุดข้อมูลถูกดาวน์โหลดไปแล้วกว่า {downloads} ครั้ง "
            "และสถาบันการศึกษาในจังหวัด{province}นำข้อมูลไปใช้ในงานวิจัยและการเรียนการสอน",
            "คำขอข้อมูลข่าวสารที่ต้องตอบเป็นหนังสือลดลงร้อยละ {percent} "
            "และหน่วยงานได้รับคะแนนการประเมินคุณธรรมและความโปร่งใส (ITA) เพิ่มขึ้นเป็น {ita} คะแนน",
        ],
        "numbers": {"datasets": (12, 48), "downloads": (900, 9000), "percent": (30, 70), "ita": (86, 98)},
    },
    {
        "key": "gis_tax_map",
        "chart": "screen",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ระบบแผนที่ภาษีและทะเบียนทรัพย์สินบนฐาน GIS",
            "การจัดทำแผนที่ภาษีดิจิทัลด้วยระบบสารสนเทศภูมิศาสตร์",
            "แผนที่ภาษีออนไลน์เพื่อการจัดเก็บรายได้ที่เป็นธรรม",
        ],
        "brands": ["{place} GIS", "แผนที่ภาษี{place}", "{place} Land Map"],
        "problems": [
            "ข้อมูลแปลงที่ดินและสิ่งปลูกสร้างในพื้นที่กว่า {parcels} แปลงเดิมเก็บอยู่ในแผนที่กระดาษและสมุดทะเบียน "
            "ทำให้การประเมินภาษีล่าช้าและมีแปลงที่ดินตกสำรวจจำนวนมาก",
            "หลังพระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562 มีผลบังคับใช้ "
            "หน่วยงานต้องสำรวจการใช้ประโยชน์ที่ดินทุกแปลงใหม่ทั้งหมด ซึ่งทำด้วยมือไม่ทันตามกำหนด",
        ],
        "solutions": [
            "{org}ใช้โปรแกรม QGIS ร่วมกับภาพถ่ายทางอากาศจากโดรน จัดทำแผนที่ภาษีดิจิทัล "
            "และเชื่อมข้อมูลแปลงที่ดินกับทะเบียนผู้เสียภาษีในระบบเดียว",
            "เจ้าหน้าที่สำรวจภาคสนามบันทึกการใช้ประโยชน์ที่ดินผ่านแท็บเล็ตพร้อมพิกัด GPS "
            "และประชาชนตรวจสอบข้อมูลแปลงที่ดินของตนเองได้ทางเว็บไซต์",
        ],
        "results": [
            "ปัจจุบันแผนที่ภาษีครอบคลุม {parcels} แปลง พบแปลงที่ดินตกสำรวจ {missing} แปลง "
            "และรายได้จากภาษีที่ดินและสิ่งปลูกสร้างเพิ่มขึ้นร้อยละ {increase}",
            "ระยะเวลาในการตอบคำถามเรื่องการประเมินภาษีลดจาก {before} วันเหลือภายในวันเดียว "
            "และข้อโต้แย้งการประเมินภาษีลดลงอย่างเห็นได้ชัด",
        ],
        "numbers": {"parcels": (3500, 24000), "missing": (120, 1500), "increase": (8, 35), "before": (5, 14)},
    },
    {
        "key": "waste",
        "chart": "requests",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ระบบบริหารจัดการขยะอัจฉริยะ",
            "การติดตามรถเก็บขนขยะด้วย GPS และแจ้งเตือนประชาชนผ่าน LINE",
            "ธนาคารขยะออนไลน์และการชำระค่าธรรมเนียมขยะแบบดิจิทัล",
        ],
        "brands": ["{place} Smart Waste", "ขยะดีมีค่า{place}", "{place}สะอาด"],
        "problems": [
            "รถเก็บขนขยะ {trucks} คันต้องรับผิดชอบเส้นทางกว่า {routes} เส้นทาง "
            "ประชาชนไม่ทราบเวลารถมาถึงจึงนำขยะออกมาวางไว้ล่วงหน้า ทำให้สุนัขคุ้ยเขี่ยและส่งกลิ่นรบกวน",
            "ค่าธรรมเนียมเก็บขนขยะเดิมจัดเก็บโดยเจ้าหน้าที่เดินเก็บตามบ้าน "
            "ซึ่งใช้เวลามากและจัดเก็บได้ไม่ครบ ขณะที่ปริมาณขยะในพื้นที่เพิ่มขึ้นทุกปี",
        ],
        "solutions": [
            "{org}ติดตั้ง GPS บนรถเก็บขนขยะทุกคัน ประชาชนดูตำแหน่งรถแบบเรียลไทม์ผ่าน LINE "
            "และรับการแจ้งเตือนก่อนรถถึงหน้าบ้านประมาณ 15 นาที",
            "ครัวเรือนสมาชิกธนาคารขยะบันทึกการขายขยะรีไซเคิลผ่านแอปพลิเคชัน "
            "และชำระค่าธรรมเนียมเก็บขนขยะรายเดือนผ่าน QR Code ได้ทันที",
        ],
        "results": [
            "ปริมาณขยะที่ต้องนำไปกำจัดลดลงร้อยละ {percent} ภายใน 1 ปี "
            "และค่าน้ำมันเชื้อเพลิงรถเก็บขนขยะลดลงประมาณ {saving} บาทต่อเดือนจากการจัดเส้นทางใหม่",
            "มีครัวเรือนลงทะเบียนใช้งาน {users} ครัวเรือน และการจัดเก็บค่าธรรมเนียมขยะเพิ่มขึ้นจากร้อยละ {before_pct} "
            "เป็นร้อยละ {after_pct}",
        ],
        "numbers": {"trucks": (2, 9), "routes": (12, 60), "percent": (12, 30), "saving": (8000, 45000),
                    "users": (400, 5200), "before_pct": (48, 65), "after_pct": (80, 96)},
    },
    {
        "key": "telehealth",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ระบบดูแลสุขภาพผู้สูงอายุทางไกล (Telehealth)",
            "การเยี่ยมบ้านผู้ป่วยติดเตียงด้วยระบบการแพทย์ทางไกล",
            "แพลตฟอร์มดูแลผู้สูงอายุและผู้ป่วยเรื้อรังร่วมกับ อสม. ในชุมชน",
        ],
        "brands": ["{place}ห่วงใย", "หมอใกล้บ้าน {place}", "{place} Care"],
        "problems": [
            "พื้นที่มีผู้สูงอายุ {elderly} คน ในจำนวนนี้เป็นผู้ป่วยติดบ้านติดเตียง {bedridden} คน "
            "ซึ่งเดินทางไปพบแพทย์ที่โรงพยาบาลได้ยากและต้องเสียค่าเหมารถครั้งละหลายร้อยบาท",
            "ข้อมูลสุขภาพของผู้สูงอายุที่ อสม. เก็บจากการเยี่ยมบ้านบันทึกอยู่ในสมุด "
            "ทำให้แพทย์และพยาบาลไม่เห็นอาการที่เปลี่ยนไปจนกว่าผู้ป่วยจะมาโรงพยาบาล",
        ],
        "solutions": [
            "{org}ร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลจัดบริการพบแพทย์ผ่านวิดีโอคอล "
            "โดย อสม. นำแท็บเล็ตและเครื่องวัดความดันไปที่บ้านผู้ป่วย และส่งค่าความดันและน้ำตาลในเลือดเข้าระบบทันที",
            "ระบบแจ้งเตือนเจ้าหน้าที่เมื่อค่าความดันหรือน้ำตาลในเลือดของผู้ป่วยผิดปกติ "
            "และนัดหมายการเยี่ยมบ้านครั้งถัดไปโดยอัตโนมัติ",
        ],
        "results": [
            "ผู้สูงอายุและผู้ป่วยติดเตียง {users} คนได้รับการดูแลผ่านระบบ ลดการเดินทางไปโรงพยาบาลได้ประมาณ {trips} ครั้งต่อปี "
            "คิดเป็นค่าใช้จ่ายที่ประหยัดได้กว่า {saving} บาท",
            "อัตราการกลับเข้ารักษาตัวในโรงพยาบาลของผู้ป่วยเบาหวานและความดันโลหิตสูงลดลงร้อยละ {percent} "
            "และ อสม. ใช้เวลาบันทึกข้อมูลน้อยลงครึ่งหนึ่ง",
        ],
        "numbers": {"elderly": (900, 6500), "bedridden": (25, 160), "users": (60, 640), "trips": (300, 2400),
                    "saving": (90000, 720000), "percent": (10, 35)},
    },
    {
        "key": "flood_alert",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ระบบเฝ้าระวังและแจ้งเตือนภัยน้ำท่วมด้วยเซนเซอร์ IoT",
            "ศูนย์เตือนภัยพิบัติและแจ้งเหตุฉุกเฉินแบบดิจิทัล",
        ],
        "brands": ["{place} Safe", "{place}ปลอดภัย", "เตือนภัย{place}"],
        "problems": [
            "พื้นที่ริมน้ำ {villages_at_risk} หมู่บ้านประสบปัญหาน้ำท่วมฉับพลันเกือบทุกปี "
            "ประชาชนได้รับข่าวสารล่าช้าจึงขนย้ายทรัพย์สินไม่ทัน",
            "การแจ้งเตือนภัยเดิมอาศัยการโทรศัพท์ต่อกันเป็นทอด ๆ จากผู้ใหญ่บ้านถึงลูกบ้าน "
            "ข่าวสารจึงไปไม่ถึงครัวเรือนที่อยู่ห่างไกลและผู้สูงอายุที่อยู่บ้านลำพัง",
        ],
        "solutions": [
            "{org}ติดตั้งเซนเซอร์วัดระดับน้ำ {sensors} จุดที่ส่งข้อมูลทุก 10 นาที "
            "เมื่อระดับน้ำถึงเกณฑ์เฝ้าระวัง ระบบส่งข้อความแจ้งเตือนผ่าน LINE และเสียงตามสายไปยังหมู่บ้านที่เกี่ยวข้องทันที",
            "ข้อมูลระดับน้ำและปริมาณฝนแสดงบนแผนที่ออนไลน์ที่ประชาชนเปิดดูได้ตลอดเวลา "
            "และเชื่อมต่อกับข้อมูลพยากรณ์อากาศของกรมอุตุนิยมวิทยา",
        ],
        "results": [
            "ในฤดูฝนปี พ.ศ. 2565 ระบบแจ้งเตือนล่วงหน้าได้ก่อนน้ำท่วมถึงชุมชนเฉลี่ย {lead} ชั่วโมง "
            "ช่วยให้ {households} ครัวเรือนขนย้ายทรัพย์สินได้ทันเวลา",
            "ความเสียหายต่อทรัพย์สินของประชาชนจากน้ำท่วมลดลงประมาณร้อยละ {percent} เมื่อเทียบกับปีก่อน "
            "และหน่วยกู้ภัยเข้าถึงจุดเกิดเหตุได้เร็วขึ้น",
        ],
        "numbers": {"villages_at_risk": (3, 14), "sensors": (4, 24), "lead": (3, 12), "households": (150, 1800),
                    "percent": (20, 60)},
    },
    {
        "key": "cctv",
        "chart": "screen",
        "org_types": ALL_TYPES,
        "titles": [
            "ระบบกล้องวงจรปิดอัจฉริยะเพื่อความปลอดภัยในชุมชน",
            "ศูนย์ควบคุมกล้องวงจรปิดและบริการขอดูภาพเหตุการณ์ออนไลน์",
        ],
        "brands": ["{place} Safe City", "ตาสับปะรด{place}", "{place}อุ่นใจ"],
        "problems": [
            "จุดเสี่ยงอุบัติเหตุและอาชญากรรมในชุมชนมีกล้องวงจรปิดเพียงไม่กี่ตัวที่บันทึกภาพไว้ในเครื่องแยกกัน "
            "เมื่อเกิดเหตุต้องใช้เวลาหลายวันในการค้นหาภาพ",
            "ประชาชนที่ต้องการภาพจากกล้องวงจรปิดไปใช้ประกอบการแจ้งความหรือเคลมประกัน "
            "ต้องมายื่นคำร้องที่สำนักงานและรอเจ้าหน้าที่ค้นหาภาพนาน {before} วัน",
        ],
        "solutions": [
            "{org}เชื่อมต่อกล้องวงจรปิด {cameras} ตัวเข้าศูนย์ควบคุมเดียวกับสถานีตำรวจภูธรในพื้นที่ "
            "และใช้ระบบวิเคราะห์ภาพตรวจจับอุบัติเหตุและทะเบียนรถโดยอัตโนมัติ",
            "ประชาชนขอดูภาพเหตุการณ์ผ่านคำขอออนไลน์ได้โดยไม่ต้องมาที่สำนักงาน "
            "และทุกครั้งที่มีการเปิดดูหรือส่งออกภาพ ระบบบันทึกผู้เข้าถึงไว้ตรวจสอบย้อนหลัง",
        ],
        "results": [
            "ระยะเวลาในการค้นหาภาพเหตุการณ์ลดจาก {before} วันเหลือไม่ถึง 30 นาที "
            "และสถิติอุบัติเหตุบริเวณทางแยกเสี่ยงลดลงร้อยละ {percent}",
            "ตลอดปีที่ผ่านมามีคำขอภาพเหตุการณ์ผ่านระบบ {requests} เรื่อง "
            "และเจ้าหน้าที่ตำรวจใช้ภาพจากระบบช่วยคลี่คลายคดีได้หลายคดี",
        ],
        "numbers": {"cameras": (24, 180), "before": (2, 5), "percent": (15, 45), "requests": (60, 900)},
    },
    {
        "key": "e_saraban",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) เพื่อสำนักงานไร้กระดาษ",
            "การบริหารงานเอกสารและการลงนามอิเล็กทรอนิกส์ภายในองค์กร",
            "สำนักงานดิจิทัล: ระบบหนังสือเวียน การลา และการอนุมัติออนไลน์",
        ],
        "brands": ["{place} Paperless", "{place} e-Office", "สำนักงานไร้กระดาษ{place}"],
        "problems": [
            "หน่วยงานรับส่งหนังสือราชการปีละกว่า {letters} ฉบับ "
            "การเสนอแฟ้มผ่านผู้บริหารหลายระดับทำให้หนังสือบางฉบับใช้เวลาหลายวันกว่าจะลงนามได้",
            "ค่ากระดาษ หมึกพิมพ์ และค่าจัดส่งหนังสือราชการสูงถึงปีละประมาณ {cost} บาท "
            "และการค้นหาหนังสือเก่าต้องเปิดแฟ้มทีละเล่ม",
        ],
        "solutions": [
            "{org}นำระบบสารบรรณอิเล็กทรอนิกส์มาใช้ในการรับส่งหนังสือ เสนอแฟ้ม และลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์ "
            "พร้อมเชื่อมต่อกับระบบรับส่งหนังสือของสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
            "คำขอลา การขออนุมัติเดินทางไปราชการ และการจองห้องประชุมย้ายมาอยู่บนระบบเดียว "
            "ผู้บริหารอนุมัติผ่านโทรศัพท์มือถือได้แม้อยู่นอกสำนักงาน",
        ],
        "results": [
            "ระยะเวลาเสนอหนังสือจนผู้บริหารลงนามลดจากเฉลี่ย {before} วันเหลือ {after} วัน "
            "และใช้กระดาษลดลงร้อยละ {percent}",
            "หน่วยงานประหยัดค่าวัสดุสำนักงานได้ประมาณ {saving} บาทต่อปี "
            "และค้นหาหนังสือย้อนหลังได้ภายในไม่กี่วินาที",
        ],
        "numbers": {"letters": (2500, 12000), "cost": (60000, 240000), "before": (3, 7), "after": (1, 2),
                    "percent": (55, 85), "saving": (40000, 180000)},
    },
    {
        "key": "welfare_id",
        "chart": "requests",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ระบบลงทะเบียนและยืนยันตัวตนผู้รับเบี้ยยังชีพแบบดิจิทัล",
            "การยืนยันสิทธิ์เบี้ยยังชีพผู้สูงอายุและคนพิการด้วย Digital ID",
            "บริการสวัสดิการสังคมออนไลน์สำหรับผู้สูงอายุ คนพิการ และผู้ป่วยเอดส์",
        ],
        "brands": ["{place}สวัสดิการดี", "Welfare {place_title}", "{place}ไม่ทิ้งกัน"],
        "problems": [
            "ผู้สูงอายุและคนพิการ {users} คนต้องเดินทางมายืนยันตัวตนเพื่อรับเบี้ยยังชีพที่สำนักงานทุกปี "
            "บางรายต้องให้ญาติพาขึ้นรถมาและรอคิวครึ่งวัน",
            "การตรวจสอบคุณสมบัติผู้มีสิทธิ์รับเบี้ยยังชีพทำจากสำเนาเอกสาร "
            "ทำให้เกิดกรณีจ่ายซ้ำซ้อนกับผู้ที่เสียชีวิตหรือย้ายทะเบียนบ้านไปแล้ว",
        ],
        "solutions": [
            "{org}ให้ผู้มีสิทธิ์ยืนยันตัวตนผ่านแอปพลิเคชัน ThaID หรือให้ อสม. และผู้นำชุมชนช่วยยืนยันด้วยการสแกนใบหน้าที่บ้าน "
            "และเชื่อมโยงข้อมูลกับระบบสารสนเทศการจัดการฐานข้อมูลเบี้ยยังชีพของกรมส่งเสริมการปกครองท้องถิ่น",
            "ระบบตรวจสอบสถานะการมีชีวิตและที่อยู่กับข้อมูลทะเบียนราษฎรทุกเดือน "
            "และแจ้งผู้มีสิทธิ์รายใหม่ให้ลงทะเบียนล่วงหน้าก่อนอายุครบ 60 ปี",
        ],
        "results": [
            "ผู้มีสิทธิ์ร้อยละ {percent} ยืนยันตัวตนได้โดยไม่ต้องเดินทางมาที่สำนักงาน "
            "ลดค่าเดินทางของประชาชนรวมกว่า {saving} บาทต่อปี",
            "ไม่มีกรณีจ่ายเบี้ยยังชีพซ้ำซ้อนตลอดปีงบประมาณ พ.ศ. 2565 "
            "และเจ้าหน้าที่ลดเวลาตรวจสอบเอกสารจาก {before} วันเหลือ {after} วันต่อรอบ",
        ],
        "numbers": {"users": (700, 5400), "percent": (60, 92), "saving": (50000, 420000), "before": (10, 20),
                    "after": (1, 3)},
    },
    {
        "key": "market_qr",
        "chart": "requests",
        "org_types": MUNICIPAL_TYPES,
        "titles": [
            "ตลาดไร้เงินสด: ระบบชำระค่าเช่าแผงด้วย QR Code",
            "การบริหารจัดการตลาดสดเทศบาลด้วยระบบดิจิทัล",
            "ระบบจองแผงและชำระค่าธรรมเนียมตลาดนัดออนไลน์",
        ],
        "brands": ["ตลาด{place} Cashless", "{place} Smart Market", "ตลาดดีมีสุข{place}"],
        "problems": [
            "ตลาดสดของเทศบาลมีแผงค้า {stalls} แผง เจ้าหน้าที่ต้องเดินเก็บค่าเช่าแผงเป็นเงินสดทุกวัน "
            "เสี่ยงต่อการสูญหายและตรวจสอบย้อนหลังได้ยาก",
            "ผู้ค้าที่ต้องการจองแผงในตลาดนัดต้องมาเข้าคิวที่สำนักงานตั้งแต่เช้ามืด "
            "และมักเกิดข้อโต้แย้งเรื่องสิทธิ์การจองแผง",
        ],
        "solutions": [
            "{org}ติด QR Code ประจำแผงทุกแผง ผู้ค้าสแกนชำระค่าเช่าผ่าน Mobile Banking "
            "และระบบออกใบเสร็จอิเล็กทรอนิกส์พร้อมบันทึกรายได้เข้าระบบบัญชีโดยอัตโนมัติ",
            "ผู้ค้าจองแผงล่วงหน้าผ่านเว็บไซต์ เห็นผังแผงว่างแบบเรียลไทม์ "
            "และผู้ซื้อในตลาดชำระค่าสินค้าผ่าน QR Code ของร้านค้าได้ทุกร้าน",
        ],
        "results": [
            "ผู้ค้าร้อยละ {percent} ชำระค่าเช่าแผงผ่าน QR Code "
            "รายได้จากตลาดเพิ่มขึ้นร้อยละ {increase} และไม่มีปัญหาเงินสดขาดบัญชีอีก",
            "เวลาที่เจ้าหน้าที่ใช้เก็บค่าเช่าลดจากวันละ {before} ชั่วโมงเหลือไม่ถึง 30 นาที "
            "และข้อร้องเรียนเรื่องการจองแผงลดลงเกือบทั้งหมด",
        ],
        "numbers": {"stalls": (80, 640), "percent": (70, 96), "increase": (6, 22), "before": (3, 6)},
    },
    {
        "key": "water_meter",
        "chart": "requests",
        "org_types": ("sao", "subdistrict_municipality"),
        "titles": [
            "ระบบจดมาตรวัดน้ำประปาและออกใบแจ้งหนี้ผ่านแอปพลิเคชัน",
            "การบริหารจัดการประปาหมู่บ้านด้วยระบบดิจิทัล",
            "มาตรวัดน้ำอัจฉริยะและการแจ้งเตือนน้ำรั่วผ่าน LINE",
        ],
        "brands": ["ประปา{place} Online", "{place} Smart Water", "น้ำดี{place}"],
        "problems": [
            "กิจการประปาของหน่วยงานมีผู้ใช้น้ำ {users} ราย เจ้าหน้าที่จดเลขมาตรวัดน้ำลงสมุดแล้วนำมาพิมพ์ใบแจ้งหนี้ซ้ำ "
            "ทำให้เกิดการจดผิดและใบแจ้งหนี้ออกล่าช้าเกือบทุกเดือน",
            "น้ำสูญเสียในระบบประปาสูงถึงร้อยละ {loss} แต่ไม่สามารถระบุได้ว่ารั่วที่จุดใด "
            "เพราะไม่มีข้อมูลการใช้น้ำรายวัน",
        ],
        "solutions": [
            "เจ้าหน้าที่ใช้แอปพลิเคชันบนโทรศัพท์ถ่ายภาพมาตรวัดน้ำ ระบบอ่านตัวเลขและคำนวณค่าน้ำทันที "
            "ผู้ใช้น้ำได้รับใบแจ้งหนี้ทาง LINE และชำระผ่าน QR Code",
            "{org}ติดตั้งมาตรวัดน้ำอัจฉริยะในพื้นที่นำร่อง {meters} จุด "
            "เพื่อตรวจจับการใช้น้ำผิดปกติและแจ้งเตือนทั้งเจ้าหน้าที่และเจ้าของบ้านเมื่อคาดว่ามีน้ำรั่ว",
        ],
        "results": [
            "ระยะเวลาออกใบแจ้งหนี้ลดจาก {before} วันเหลือ 1 วันหลังจดมาตรวัด "
            "และความผิดพลาดในการจดเลขมาตรวัดลดลงเกือบเป็นศูนย์",
            "น้ำสูญเสียลดจากร้อยละ {loss} เหลือร้อยละ {loss_after} "
            "คิดเป็นค่าไฟฟ้าสูบน้ำที่ประหยัดได้ประมาณ {saving} บาทต่อปี",
        ],
        "numbers": {"users": (450, 3200), "loss": (28, 45), "meters": (40, 300), "before": (5, 10),
                    "loss_after": (12, 22), "saving": (30000, 220000)},
    },
    {
        "key": "community_commerce",
        "chart": "requests",
        "org_types": ALL_TYPES,
        "titles": [
            "ตลาดออนไลน์สินค้าชุมชนและผลิตภัณฑ์ OTOP",
            "การพัฒนาผู้ประกอบการชุมชนสู่การค้าออนไลน์ (Community e-Commerce)",
            "แพลตฟอร์มส่งเสริมการท่องเที่ยวและสินค้าชุมชนแบบดิจิทัล",
        ],
        "brands": ["{place}ช้อปดี", "Shop {place_title}", "ของดี{place}"],
        "problems": [
            "กลุ่มวิสาหกิจชุมชน {groups} กลุ่มในพื้นที่ผลิตสินค้าคุณภาพดี เช่น ผ้าทอ ข้าวอินทรีย์ และผลไม้แปรรูป "
            "แต่ขายได้เฉพาะในงานเทศกาลและตลาดนัดในท้องถิ่น",
            "ในช่วงการแพร่ระบาดของโรคโควิด 19 นักท่องเที่ยวลดลงอย่างมาก "
            "ผู้ประกอบการชุมชนขาดรายได้และไม่มีความรู้ในการขายสินค้าออนไลน์",
        ],
        "solutions": [
            "{org}ร่วมกับมหาวิทยาลัยในพื้นที่จัดอบรมการถ่ายภาพสินค้า การไลฟ์สด และการจัดการคำสั่งซื้อ "
            "พร้อมพัฒนาเว็บไซต์ร้านค้ากลางที่รับชำระเงินผ่าน QR Code และเชื่อมต่อบริการขนส่งพัสดุ",
            "แพลตฟอร์มรวบรวมสินค้าชุมชน ที่พักโฮมสเตย์ และเส้นทางท่องเที่ยวในพื้นที่ไว้ในที่เดียว "
            "โดยมีเยาวชนในชุมชนเป็นผู้ดูแลเนื้อหาและตอบคำถามลูกค้า",
        ],
        "results": [
            "ภายใน 1 ปี มีคำสั่งซื้อผ่านแพลตฟอร์ม {orders} รายการ สร้างรายได้ให้ชุมชนกว่า {income} บาท "
            "และมีผู้ประกอบการรายใหม่เข้าร่วม {newcomers} ราย",
            "ยอดขายของกลุ่มวิสาหกิจชุมชนเพิ่มขึ้นเฉลี่ยร้อยละ {percent} "
            "และสินค้าหลายรายการได้รับคำสั่งซื้อจากลูกค้าต่างจังหวัดเป็นประจำ",
        ],
        "numbers": {"groups": (6, 28), "orders": (800, 9500), "income": (250000, 3800000), "newcomers": (8, 60),
                    "percent": (20, 140)},
    },
    {
        "key": "one_stop",
        "chart": "screen",
        "org_types": LOCAL_TYPES,
        "titles": [
            "ศูนย์บริการประชาชนออนไลน์แบบเบ็ดเสร็จ (e-Service One Stop)",
            "ระบบจองคิวและยื่นคำร้องออนไลน์ครบทุกงานบริการ",
            "บริการประชาชนดิจิทัลแบบไม่ต้องใช้สำเนาเอกสาร",
        ],
        "brands": ["{place} e-Service", "{place}บริการดี ไม่ต้องรอ", "One Stop {place_title}"],
        "problems": [
            "งานบริการประชาชนของหน่วยงานมีมากกว่า {services} ประเภท "
            "แต่ละงานใช้แบบฟอร์มและสำเนาเอกสารต่างกัน ประชาชนจึงมักต้องกลับไปเอาเอกสารเพิ่มและมาติดต่อซ้ำ",
            "ในวันทำการช่วงต้นเดือน มีประชาชนมาติดต่อที่สำนักงานพร้อมกันจำนวนมาก "
            "ผู้สูงอายุต้องนั่งรอคิวนานกว่า {wait} นาที",
        ],
        "solutions": [
            "{org}รวบรวมงานบริการ {services} ประเภทไว้ในระบบ e-Service เดียว "
            "ประชาชนยื่นคำร้อง แนบเอกสาร และจองคิวล่วงหน้าได้ทั้งทางเว็บไซต์และ LINE Official Account",
            "จุดบริการตนเอง (Kiosk) ที่สำนักงานมีเจ้าหน้าที่ช่วยผู้สูงอายุยื่นคำร้องออนไลน์ "
            "และยืนยันตัวตนด้วยบัตรประจำตัวประชาชนแบบ Smart Card โดยไม่ต้องใช้สำเนาเอกสาร",
        ],
        "results": [
            "มีคำร้องผ่านระบบ e-Service แล้ว {users} เรื่อง "
            "ระยะเวลารอรับบริการเฉลี่ยลดจาก {wait} นาทีเหลือ {wait_after} นาที",
            "ลดการใช้สำเนาเอกสารได้ประมาณ {copies} แผ่นต่อปี "
            "และความพึงพอใจของผู้รับบริการเพิ่มขึ้นเป็นร้อยละ {satisfaction}",
        ],
        "numbers": {"services": (12, 36), "wait": (35, 90), "users": (400, 6800), "wait_after": (5, 15),
                    "copies": (8000, 60000), "satisfaction": (88, 97)},
    },
    {
        "key": "road_repair",
        "chart": "screen",
        "org_types": ("pao", "town_municipality", "city_municipality", "subdistrict_municipality"),
        "titles": [
            "ระบบแจ้งซ่อมถนนและไฟฟ้าสาธารณะพร้อมแผนที่ติดตามงาน",
            "การบริหารงานซ่อมบำรุงทางหลวงท้องถิ่นด้วยข้อมูลดิจิทัล",
            "แผนที่ดิจิทัลโครงสร้างพื้นฐานและระบบติดตามงานซ่อมแบบเรียลไทม์",
        ],
        "brands": ["{place} Fix", "ถนนดี{place}", "ซ่อมไว {place}"],
        "problems": [
            "หน่วยงานรับผิดชอบถนนกว่า {roads} สาย และไฟฟ้าสาธารณะกว่า {lamps} จุด "
            "การแจ้งซ่อมผ่านผู้นำชุมชนทำให้ข้อมูลตกหล่นและซ่อมซ้ำซ้อน",
            "ข้อมูลสภาพถนนและประวัติการซ่อมเก็บอยู่ในแฟ้มเอกสาร "
            "จึงจัดลำดับความสำคัญในการซ่อมและตั้งงบประมาณได้ไม่ตรงกับสภาพจริง",
        ],
        "solutions": [
            "{org}พัฒนาระบบให้ประชาชนแจ้งจุดชำรุดพร้อมภาพและพิกัดผ่านโทรศัพท์ "
            "งานทุกชิ้นแสดงบนแผนที่ออนไลน์พร้อมสถานะ ผู้รับผิดชอบ และวันที่คาดว่าจะแล้วเสร็จ",
            "วิศวกรสำรวจสภาพถนนด้วยกล้องติดรถยนต์และบันทึกผลลงฐานข้อมูลภูมิศาสตร์ "
            "เพื่อใช้จัดลำดับการซ่อมบำรุงตามความเสียหายและปริมาณการจราจร",
        ],
        "results": [
            "ระยะเวลาซ่อมไฟฟ้าสาธารณะเฉลี่ยลดจาก {before} วันเหลือ {after} วัน "
            "และงานซ่อมร้อยละ {percent} แล้วเสร็จภายในเวลาที่แจ้งประชาชนไว้",
            "การจัดลำดับการซ่อมจากข้อมูลช่วยประหยัดงบประมาณซ่อมบำรุงได้ประมาณ {saving} บาทในปีแรก "
            "และประชาชนตรวจสอบความคืบหน้าทุกงานได้บนแผนที่",
        ],
        "numbers": {"roads": (40, 820), "lamps": (600, 9000), "before": (7, 21), "after": (1, 3),
                    "percent": (80, 97), "saving": (150000, 4500000)},
    },
    {
        "key": "child_centre",
        "chart": "screen",
        "org_types": ("sao", "subdistrict_municipality", "town_municipality"),
        "titles": [
            "ระบบรับสมัครและดูแลเด็กในศูนย์พัฒนาเด็กเล็กแบบออนไลน์",
            "ศูนย์พัฒนาเด็กเล็กดิจิทัล: สื่อสารกับผู้ปกครองและติดตามพัฒนาการเด็ก",
        ],
        "brands": ["หนูน้อย{place}", "{place} Kids", "ศูนย์เด็กเล็ก{place}ออนไลน์"],
        "problems": [
            "ศูนย์พัฒนาเด็กเล็ก {centres} แห่งของหน่วยงานดูแลเด็กกว่า {children} คน "
            "ผู้ปกครองต้องลางานมายื่นใบสมัครและเอกสารด้วยตนเอง และรับข่าวสารจากกระดาษที่ฝากไปกับเด็ก",
        ],
        "solutions": [
            "{org}เปิดรับสมัครเด็กเข้าศูนย์ทางออนไลน์ "
            "ครูบันทึกการเช็กชื่อ น้ำหนัก ส่วนสูง และพัฒนาการเด็กผ่านแท็บเล็ต และผู้ปกครองรับรายงานผ่าน LINE ทุกสัปดาห์",
            "ระบบแจ้งเตือนผู้ปกครองเมื่อถึงกำหนดฉีดวัคซีน "
            "และส่งข้อมูลการเจริญเติบโตของเด็กให้โรงพยาบาลส่งเสริมสุขภาพตำบลโดยไม่ต้องรวบรวมเอกสารซ้ำ",
        ],
        "results": [
            "ผู้ปกครองร้อยละ {percent} สมัครเรียนทางออนไลน์ "
            "และครูลดเวลาทำเอกสารลงประมาณสัปดาห์ละ {hours} ชั่วโมง ทำให้มีเวลาดูแลเด็กมากขึ้น",
        ],
        "numbers": {"centres": (1, 6), "children": (40, 420), "percent": (65, 95), "hours": (3, 8)},
    },
]

# ---------------------------------------------------------------- shared sentences
# Added to some summaries so entries of the same theme do not read alike.

DEVELOPMENT_SENTENCES = [
    "ระบบพัฒนาโดยเจ้าหน้าที่ของ {org_short} เองร่วมกับนักศึกษาฝึกงาน โดยใช้ Google Workspace และ LINE Messaging API "
    "มีค่าใช้จ่ายเพียงประมาณ {cost} บาทต่อปี",
    "{org_short} จ้างบริษัทพัฒนาระบบในงบประมาณ {budget} บาท และกำหนดให้ถ่ายทอดความรู้แก่เจ้าหน้าที่ "
    "เพื่อให้ดูแลระบบต่อได้เองหลังหมดสัญญา",
    "ระบบทำงานบนคลาวด์ภาครัฐ (Government Data Center and Cloud service: GDCC) "
    "จึงไม่ต้องลงทุนจัดซื้อเครื่องแม่ข่ายเอง",
    "{org_short} พัฒนาระบบร่วมกับคณะวิทยาการคอมพิวเตอร์ของมหาวิทยาลัยในจังหวัด{province} "
    "และเปิดเผยซอร์สโค้ดให้หน่วยงานท้องถิ่นอื่นนำไปใช้ได้โดยไม่มีค่าใช้จ่าย",
]

SECURITY_SENTENCES = [
    "ข้อมูลส่วนบุคคลของผู้ใช้บริการจัดเก็บแบบเข้ารหัส เจ้าหน้าที่เข้าถึงได้ตามสิทธิ์ของตำแหน่งงาน "
    "และหน่วยงานเผยแพร่ประกาศความเป็นส่วนตัวตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    "ระบบสำรองข้อมูลอัตโนมัติทุกคืนไปยังศูนย์ข้อมูลสำรองนอกสำนักงาน "
    "และเจ้าหน้าที่ทุกคนผ่านการอบรมความมั่นคงปลอดภัยไซเบอร์เบื้องต้นแล้ว",
    "ก่อนเปิดใช้งาน {org_short} ให้ผู้เชี่ยวชาญภายนอกทดสอบช่องโหว่ของระบบ "
    "และแก้ไขข้อบกพร่องที่พบทั้งหมดก่อนเปิดให้บริการจริง",
]

PARTICIPATION_SENTENCES = [
    "ก่อนพัฒนาระบบ {org_short} จัดเวทีประชาคม {villages} ชุมชนเพื่อรับฟังความต้องการ "
    "และให้ตัวแทนผู้สูงอายุและคนพิการร่วมทดลองใช้งานก่อนเปิดให้บริการ",
    "อาสาสมัครสาธารณสุขประจำหมู่บ้านและผู้นำชุมชน {volunteers} คนได้รับการอบรมเป็นผู้ช่วยสอนการใช้งานให้ประชาชนในหมู่บ้าน",
    "ผู้ใช้บริการให้คะแนนและข้อเสนอแนะได้ทุกครั้งหลังใช้งาน และ {org_short} สรุปผลการปรับปรุงตามข้อเสนอแนะเผยแพร่ทุกไตรมาส",
]

OPEN_DATA_SENTENCES = [
    "สถิติการให้บริการรายเดือนเผยแพร่เป็นไฟล์ CSV บนเว็บไซต์ของหน่วยงานและศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th",
    "ประชาชนตรวจสอบสถานะคำขอและระยะเวลาดำเนินการของทุกเรื่องได้บนแดชบอร์ดสาธารณะ",
]

LINKAGE_SENTENCES = [
    "ข้อมูลผู้ใช้บริการตรวจสอบกับฐานข้อมูลทะเบียนราษฎรผ่านระบบเชื่อมโยงของกรมการปกครอง "
    "ประชาชนจึงไม่ต้องแนบสำเนาบัตรประจำตัวประชาชนและทะเบียนบ้าน",
    "ระบบส่งข้อมูลสรุปผลการให้บริการรายเดือนให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{province}ทางอิเล็กทรอนิกส์ "
    "เจ้าหน้าที่จึงไม่ต้องจัดทำรายงานกระดาษซ้ำ",
]

CLOSING_SENTENCES = [
    "ในปีงบประมาณ พ.ศ. 2566 {org_short} มีแผนขยายบริการให้ครอบคลุมทุกชุมชนและเชื่อมต่อกับระบบของหน่วยงานอื่นเพิ่มเติม",
    "ปัจจุบันมีองค์กรปกครองส่วนท้องถิ่น {visitors} แห่งมาศึกษาดูงานและนำแนวทางไปประยุกต์ใช้",
    "ผลงานนี้ได้รับการยอมรับจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{province} ให้เป็นต้นแบบของจังหวัด",
]

SHARED_NUMBERS = {
    "cost": (3600, 48000),
    "budget": (95000, 480000),
    "villages": (6, 18),
    "volunteers": (20, 140),
    "visitors": (3, 24),
}

# ---------------------------------------------------------------- judges' comments
# Composed by :func:`judge_app.demo.simulated_comments`: a strength taken from
# the judge's highest criterion, a suggestion from the lowest.

COMMENT_OPENINGS = {
    "high": [
        "ผลงานโดดเด่นและตอบโจทย์ประชาชนในพื้นที่ได้ชัดเจน",
        "เป็นผลงานที่มีความพร้อมสูงและมีผลลัพธ์เชิงประจักษ์",
        "ผลงานมีความครบถ้วน เห็นการเปลี่ยนแปลงวิธีการทำงานจริง",
    ],
    "middle": [
        "ผลงานมีแนวคิดดีและเริ่มเห็นผลในทางปฏิบัติ",
        "เป็นผลงานที่มีประโยชน์ต่อประชาชน แต่ยังอยู่ในระยะเริ่มต้น",
        "ผลงานตอบโจทย์ปัญหาของพื้นที่ในระดับหนึ่ง",
    ],
    "low": [
        "ผลงานยังมีลักษณะเป็นการนำข้อมูลขึ้นเว็บไซต์มากกว่าการเปลี่ยนรูปแบบบริการ",
        "ผลงานยังไม่แสดงการเปลี่ยนแปลงรูปแบบการให้บริการอย่างชัดเจน",
        "ผลงานยังอยู่ในขั้นทดลองและมีผู้ใช้งานจำนวนน้อย",
    ],
}

COMMENT_STRENGTHS = {
    "C1": "จุดเด่นคือการออกแบบบริการที่เข้าถึงง่ายและคำนึงถึงผู้สูงอายุ",
    "C2": "จุดเด่นคือการเชื่อมโยงข้อมูลกับหน่วยงานอื่นจนประชาชนไม่ต้องยื่นเอกสารซ้ำ",
    "C3": "มีมาตรการคุ้มครองข้อมูลส่วนบุคคลและความมั่นคงปลอดภัยที่เป็นรูปธรรม",
    "C4": "การเปิดเผยข้อมูลและแดชบอร์ดสาธารณะช่วยให้ประชาชนตรวจสอบการทำงานได้จริง",
    "C5": "แสดงตัวเลขการลดเวลาและค่าใช้จ่ายของประชาชนได้ชัดเจน",
    "C6": "ชุมชนมีส่วนร่วมตั้งแต่การออกแบบจนถึงการดูแลบริการ",
    "C7": "เห็นการเปลี่ยนวิธีทำงานภายในและการวางแผนให้ระบบดำเนินการต่อเนื่อง",
}

#: A modest strength for an entry scored low overall ({title} is the criterion's Thai title).
COMMENT_MODEST_STRENGTH = "ด้านที่ทำได้ค่อนข้างดีคือ{title}"

COMMENT_SUGGESTIONS = {
    "C1": "ควรเพิ่มช่องทางช่วยเหลือสำหรับผู้ที่ไม่ถนัดใช้โทรศัพท์มือถือ และสำรวจความพึงพอใจของผู้ใช้อย่างเป็นระบบ",
    "C2": "ควรเชื่อมโยงข้อมูลกับฐานข้อมูลทะเบียนราษฎรหรือระบบของหน่วยงานอื่น เพื่อลดการขอสำเนาเอกสารจากประชาชน",
    "C3": "ควรจัดทำการประเมินความเสี่ยง แผนรับมือเหตุการณ์ผิดปกติ และทดสอบการกู้คืนข้อมูลจากระบบสำรอง",
    "C4": "ควรเปิดเผยสถิติการให้บริการในรูปแบบที่นำไปใช้ต่อได้ เช่น CSV และปรับปรุงข้อมูลอย่างสม่ำเสมอ",
    "C5": "ควรเก็บข้อมูลระยะเวลาและค่าใช้จ่ายก่อนและหลังใช้ระบบอย่างต่อเนื่อง เพื่อแสดงผลลัพธ์ที่ตรวจสอบได้",
    "C6": "ควรเปิดให้ประชาชนและผู้นำชุมชนร่วมออกแบบและทดสอบบริการตั้งแต่ระยะแรก",
    "C7": "ควรมีแผนงบประมาณและการถ่ายทอดความรู้ให้เจ้าหน้าที่หลายคน เพื่อไม่ให้ระบบขึ้นอยู่กับบุคคลใดบุคคลหนึ่ง",
}

COMMENT_EXTRAS = [
    "หากขยายผลไปยังหน่วยงานข้างเคียงได้จะเกิดประโยชน์ในวงกว้าง",
    "ขอให้ส่งข้อมูลสถิติการใช้งานย้อนหลังอย่างน้อย 6 เดือนประกอบการพิจารณาในรอบถัดไป",
    "ควรพิจารณาความยั่งยืนของค่าใช้จ่ายรายปีหลังสิ้นสุดสัญญาจ้างพัฒนาระบบ",
    "ในการนำเสนอรอบต่อไปควรสาธิตการใช้งานจริงของประชาชนและเจ้าหน้าที่ที่ปฏิบัติงาน",
]

#: Why a judge declares a conflict of interest in the simulated round.
CONFLICT_REASONS = [
    "เคยเป็นที่ปรึกษาโครงการของหน่วยงานนี้",
    "มีญาติทำงานในหน่วยงานที่ส่งผลงาน",
    "เคยเป็นวิทยากรอบรมเจ้าหน้าที่ของหน่วยงานนี้ในโครงการเดียวกัน",
]
