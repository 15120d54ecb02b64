"""Course overview (which modules each role should take) and the completion certificate page.

Certificate contract with assets/kb/certificate.js: a container .kb-certificate holding a normal
Markdown link a.kb-exam-link to the comprehensive exam (so the engine writes its real URL), and
data-kb-pass (the pass mark, a fraction). quiz.js saves each quiz's score in localStorage under
"kb-quiz-score:" + the quiz page's pathname; the certificate script reads it. Nothing is sent.
"""
from __future__ import annotations

from ..sitemap import SiteMap
from ..sources import Project
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
from .common import front_matter, t

PASS_MARK = 0.8
UI = {
    "paths": {"zh": "培训路径：我该学哪些模块", "en": "Learning paths: which modules to take"},
    "paths_intro": {"zh": "按角色列出建议修读的模块（依据各模块的学员设定），最后参加综合考试并打印结业证书。",
                    "en": "The modules recommended for each role (from each module's learners), then the comprehensive exam and a certificate."},
    "exam": {"zh": "综合考试", "en": "Comprehensive exam"},
    "certificate": {"zh": "结业证书", "en": "Certificate of completion"},
    "cert_intro": {"zh": "综合考试得分达到 {mark}% 后，可在本页输入姓名并打印结业证书。证书只在你的浏览器里生成，姓名和成绩不会发送到任何地方。",
                   "en": "Once you score {mark}% or more in the comprehensive exam, type your name here and print your certificate. It is made in your browser; your name and score are sent nowhere."},
    "take_exam": {"zh": "参加综合考试", "en": "Take the comprehensive exam"},
    "none": {"zh": "暂无专门模块，建议从模块一开始。", "en": "No specific module yet; start with module 1."},
}


def paths_page(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "modules/paths"
    parts = [front_matter(title=UI["paths"][lang]), f"# {UI['paths'][lang]}\n\n", UI["paths_intro"][lang] + "\n\n"]
    modules = sorted(project.modules.items())
    for actor in vocab_ids("actor"):
        chosen = [(module_id, page) for module_id, page in modules
                  if actor in (page.meta.get(lang) or next(iter(page.meta.values()))).learners]
        parts.append(f"## {label('actor', actor, lang, short=True)} {{ #{actor.replace('_', '-')} }}\n\n")
        for number, (module_id, page) in enumerate(chosen, start=1):
            meta = page.meta.get(lang) or next(iter(page.meta.values()))
            parts.append(f"{number}. [{meta.title}]({sitemap.relative(key, page.key)}) — {t('minutes', lang, n=meta.duration_min)}\n")
        if not chosen:
            parts.append(UI["none"][lang] + "\n")
        parts.append(f"\n→ [{UI['exam'][lang]}]({sitemap.relative(key, 'quizzes/exam')}) · "
                     f"[{UI['certificate'][lang]}]({sitemap.relative(key, 'modules/certificate')})\n\n")
    return "".join(parts)


def certificate_page(sitemap: SiteMap, lang: str) -> str:
    key = "modules/certificate"
    mark = int(PASS_MARK * 100)
    return (front_matter(title=UI["certificate"][lang], kb_js="assets/kb/certificate.js", kb_css="assets/kb/certificate.css")
            + f"# {UI['certificate'][lang]}\n\n{UI['cert_intro'][lang].format(mark=mark)}\n\n"
            + f'<div class="kb-certificate" data-kb-pass="{PASS_MARK}" markdown="1">\n\n'
            + f"[{UI['take_exam'][lang]}]({sitemap.relative(key, 'quizzes/exam')}){{ .kb-exam-link }}\n\n</div>\n")
