"""scripts.website.searchwords: the words jieba keeps whole and the search tags of each page, on a tiny fictional package."""

from pathlib import Path

from scripts.core.package import Package
from scripts.website.searchwords import abbreviated, dictionary, key_terms, page_boosts, page_tags, page_words, short_forms


def tiny_package() -> Package:
    tables = {
        "units": [{"id": "bureau", "name": "市示例局", "full_name": "衢州市示例管理局"},
                  {"id": "party", "name": "市委示例办", "full_name": "中共衢州市委示例办公室"}],
        "areas": [{"id": "east", "name": "示例区"}],
        "indicators": [{"id": "rd", "name": "示例R&D经费比重"}, {"id": "plain", "name": "示例企业数量"},
                       {"id": "hte", "name": "新增示例高新技术企业"}, {"id": "mu", "name": "示例亩均税收"}],
        "tasks": [{"id": "t1", "title": "推进“示例地”改革", "text": "开展亩均评价、“一件事”<改革>。"},
                  {"id": "t2", "title": "示例任务", "text": None},
                  {"id": "t3", "title": "培育科技型中小企业", "text": "培育高新技术企业。"}],
    }
    return Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny"}, tables=tables)


def test_short_forms_drop_the_city_prefix_and_the_office_suffix_but_not_the_party_committee():
    assert short_forms("市经信局") == ["市经信局", "经信局", "经信"]
    assert short_forms("市招商中心") == ["市招商中心", "招商中心", "招商"]
    assert short_forms("衢州市经济和信息化局") == ["衢州市经济和信息化局", "经济和信息化局", "经济和信息化"]
    assert short_forms("智造新城管委会") == ["智造新城管委会", "智造新城"]
    assert short_forms("市委人才办") == ["市委人才办"]
    assert short_forms("衢州海关") == ["衢州海关"]
    assert short_forms("柯城区政府") == ["柯城区政府"]  # 柯城区 is the county's own page
    assert short_forms("市人") == ["市人"]  # one character left is no name
    assert short_forms("市税局") == ["市税局", "税局"]  # nor is one character without its suffix


def test_abbreviations_come_from_the_declared_table_with_their_full_form():
    assert abbreviated("新增国家高新技术企业") == ["高新技术企业", "高企"]
    assert abbreviated("新增省科技型中小企业") == ["科技型中小企业", "科小"]
    assert abbreviated("新增省级企业研究院") == []


def test_key_terms_are_the_plan_words_and_the_quoted_terms():
    terms = key_terms(tiny_package())
    assert terms[:2] == ["数字经济", "亩均"]  # the plan's words come first
    assert terms[-2:] == ["示例地", "一件事"]  # then the quoted terms, in the order they appear


def test_page_words():
    words = page_words(tiny_package())
    assert words == {
        "units/bureau/": ["市示例局", "示例局", "示例", "衢州市示例管理局", "示例管理局", "示例管理"],
        "units/party/": ["市委示例办", "中共衢州市委示例办公室", "中共衢州市委示例"],
        "areas/east/": ["示例区"],
        "indicators/rd/": ["示例R&D经费比重", "R&D"],
        "indicators/plain/": ["示例企业数量"],
        "indicators/hte/": ["新增示例高新技术企业", "高新技术企业", "高企"],
        "indicators/mu/": ["示例亩均税收", "亩均"],  # a key term in its name: found by it as the tasks are
        "tasks/t1/": ["亩均", "示例地", "一件事"],  # t2 has no key term: no entry
        "tasks/t3/": ["科技型中小企业", "科小"],  # abbreviations only from the title, not from the text
    }


def test_dictionary_holds_names_without_the_city_prefix_and_terms_but_not_indicator_names():
    words = dictionary(tiny_package())
    # 市示例局 is not kept whole: the text is indexed as 市 / 示例局, found by 示例局 too
    assert words[:5] == ["示例局", "示例管理局", "市委示例办", "中共衢州市委示例办公室", "示例区"]
    assert "示例企业数量" not in words and "示例地" in words and "亩均" in words


def test_page_tags_add_each_word_without_its_last_character_and_are_escaped():
    assert page_tags(["市经信局", "经信局"]) == ["市经信局", "市经信", "经信局", "经信"]
    # a two-character word is not cut: one character would turn the query 高企 into 高* wherever it is a tag
    assert page_tags(["亩均", "高企"]) == ["亩均", "高企"]
    assert page_tags(["<b>x</b>", " a\nb "]) == ["&lt;b&gt;x&lt;/b&gt;", "&lt;b&gt;x&lt;/b", "a b", "a "]
    # a plain & stays as typed (R&D must match the query R&D); one that starts a reference is escaped
    assert page_tags(["R&D", "a&lt;b"]) == ["R&D", "R&", "a&amp;lt;b", "a&amp;lt;"]


def test_the_hook_undoes_the_last_builds_words_in_jieba(tmp_path):
    import jieba

    from scripts.website.mkdocs import searchhook

    user_dict = tmp_path / "search-dict.txt"
    user_dict.write_text("示例甲乙局 100000\n", encoding="utf-8")
    before = jieba.lcut("示例甲乙局")
    assert before != ["示例甲乙局"]  # jieba's own dictionary splits it
    searchhook._remember_frequencies(user_dict)
    jieba.load_userdict(str(user_dict))  # what the search plugin does with jieba_dict_user
    assert jieba.lcut("示例甲乙局") == ["示例甲乙局"]
    searchhook._forget_last_dictionary()  # the next build starts from jieba's own dictionary again
    assert jieba.lcut("示例甲乙局") == before


def test_each_build_in_a_process_starts_from_the_same_jieba_total(tmp_path):
    """jieba divides each word's frequency by its total, and jieba.add_word only adds to the total: without putting
    it back, every build in a process (serve rebuilds, a test session) would segment with a larger total."""
    import jieba

    from scripts.website.mkdocs import searchhook

    user_dict = tmp_path / "search-dict.txt"
    user_dict.write_text("示例甲乙局 100000\n示例丙丁处 20000\n", encoding="utf-8")
    searchhook._forget_last_dictionary()
    jieba.dt.check_initialized()
    own_total = jieba.dt.total
    for _ in range(3):  # three builds: forget the last dictionary, note jieba's own, load this one
        searchhook._forget_last_dictionary()
        searchhook._remember_frequencies(user_dict)
        jieba.load_userdict(str(user_dict))
        assert jieba.dt.total == own_total + 120000
        assert jieba.dt.FREQ["示例丙丁处"] == 20000
    searchhook._forget_last_dictionary()
    assert jieba.dt.total == own_total
    assert jieba.dt.FREQ["示例丙丁处"] == 0  # a prefix at most, no longer a word


def test_area_pages_count_double():
    assert page_boosts(tiny_package()) == {"areas/east/": 2.0}
