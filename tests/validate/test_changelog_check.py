"""scripts.validate.changelog: markup, non-http links and control characters in data/CHANGELOG.md are errors."""

from scripts.validate.changelog import check_changelog
from scripts.validate.run import validate_package

FIX_HTML = "更新记录只能写文字、# 标题、- 列表、**加粗**、`代码` 和 http(s) 链接；请删掉这个标签。"


def lines(package_dir):
    return [p.line() for p in check_changelog(package_dir)]


def write(tmp_path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "CHANGELOG.md").write_text(text, encoding="utf-8")


def test_the_shipped_style_change_log_passes(tmp_path):
    write(tmp_path, "# 更新记录\n\n## 0.1.0 — 2026-11-26\n\n- **新增** `observations.csv` 5 行，见 [原文](https://www.qz.gov.cn/)。\n")
    assert lines(tmp_path) == []


def test_every_payload_is_named_with_its_line(tmp_path):
    write(tmp_path, "# 更新记录\n## 0.2.0 {: onclick=alert(1) }\n<img src=x onerror=alert(2)>\n"
                    "- [点我](javascript:alert(3))\n说明\x85\n")
    assert lines(tmp_path) == [
        "data/CHANGELOG.md 第2行 值“{: onclick=alert(1) }”：更新记录里有花括号写的格式设置。请删掉这对花括号和其中的内容。",
        f"data/CHANGELOG.md 第3行 值“<img src=x onerror=alert(2)>”：更新记录里有 HTML 标签。{FIX_HTML}",
        ("data/CHANGELOG.md 第4行 值“javascript:alert(3)”：链接地址不是以 http:// 或 https:// 开头的网址。"
        "请从浏览器地址栏复制完整网址，或者删掉这个链接。"),
        "data/CHANGELOG.md 第5行：这一行有看不见的控制字符（U+0085）。多半是复制粘贴带进来的；请删掉这些字符后重新保存。",
    ]


def test_one_problem_of_a_kind_per_line_showing_the_first(tmp_path):
    write(tmp_path, '<script>alert(1)</script>\n<iframe src="https://evil.example/"></iframe> [a](file:///etc/passwd) [b](javascript:x)\n')
    assert [(p.row, p.code, p.value) for p in check_changelog(tmp_path)] == [
        (1, "changelog-html", "<script>"),
        (2, "changelog-html", '<iframe src="https://evil.example/">'),
        (2, "changelog-link", "file:///etc/passwd"),
    ]


def test_a_change_log_in_gbk_is_named(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "CHANGELOG.md").write_bytes("# 更新记录\n\n第一版\n".encode("gb18030"))
    assert lines(tmp_path) == ["data/CHANGELOG.md：更新记录不是 UTF-8 编码，第1行起有无法识别的字节。请用记事本或 VS Code 另存为 UTF-8 编码。"]


def test_a_change_log_that_is_a_link_is_refused_without_reading_it(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "CHANGELOG.md").symlink_to("/etc/passwd")
    [found] = lines(tmp_path)
    assert found.startswith("data/CHANGELOG.md：更新记录不能读取：这是一个符号链接")
    assert "root:" not in found


def test_validate_package_reports_the_change_log(shipped_copy):
    (shipped_copy.parent / "data" / "CHANGELOG.md").write_text("# 更新记录\n\n<script>alert(1)</script>\n", encoding="utf-8")
    report = validate_package(shipped_copy)
    assert not report.ok
    assert [(p.file, p.row, p.code, p.value) for p in report.errors] == [
        ("data/CHANGELOG.md", 3, "changelog-html", "<script>"),
    ]


def test_an_autolink_is_a_link_not_an_html_tag(tmp_path):
    write(tmp_path, "来源见 <https://www.qz.gov.cn/art/2022/2/25/a.html>。\n坏的 <javascript:alert(1)>\n")
    assert [(p.row, p.code, p.value) for p in check_changelog(tmp_path)] == [(2, "changelog-link", "javascript:alert(1)")]


def test_a_right_to_left_override_is_refused_with_its_name(tmp_path):
    write(tmp_path, "# 更新记录\n\n- 更正\u202e数字\n")
    assert lines(tmp_path) == [
        "data/CHANGELOG.md 第3行：这一行有看不见的字符（方向控制字符 U+202E），它们会改变文字的显示次序或藏起文字，"
        "读者看到的和文件里写的不一样。请删掉这些字符后重新保存。"]


def test_a_link_that_hides_its_host_is_refused_with_the_address_rule(tmp_path):
    write(tmp_path, "- [原文](https://www.qz.gov.cn@evil.example/)\n")
    assert [(p.row, p.code) for p in check_changelog(tmp_path)] == [(1, "url-userinfo")]


def test_a_link_without_https_is_told_the_address_to_write(tmp_path):
    write(tmp_path, "- 见 [原文](www.qz.gov.cn/art/2022/2/25/a.html)\n")
    assert lines(tmp_path) == [
        "data/CHANGELOG.md 第1行 值“www.qz.gov.cn/art/2022/2/25/a.html”：网址没有以 https:// 或 http:// 开头，浏览器和网站都不能把它当作网址打开。"
        "请改成 https://www.qz.gov.cn/art/2022/2/25/a.html（最好从浏览器地址栏复制完整网址）。"]
