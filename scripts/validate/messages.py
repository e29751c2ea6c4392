"""The Chinese text of every validation problem: code -> (severity, what is wrong, how to fix it)."""

from __future__ import annotations

import re

from scripts.core.lookalike import INVISIBLE  # noqa: F401 - re-exported: the checks import it from here

PERIOD_FORMS = "全年写 2023，季度写 2023-Q1，半年写 2023-H1，1至10月累计写 2023-01..10"
SAVE_AS_UTF8 = "请在 Excel/WPS 里“另存为”，保存类型选“CSV UTF-8(逗号分隔)(*.csv)”"
UNDATED = "未注明发布日期"  # what a note says when a figure's source gives no date
# Said of an Excel-style date only when make normalize converts it (scripts/validate/excelforms.py: iso_date).
NORMALIZE_DATES = "Excel 另存时常把所有日期改成 2023/7/25 这样的写法，运行 make normalize FILE={file} IN_PLACE=1 可以一次改回。"

MESSAGES: dict[str, tuple[str, str, str]] = {
    # The package descriptor
    "descriptor-not-json": ("error", "不是有效的 JSON：第{line}行第{col}列附近有语法错误。", "请检查这一处的逗号、引号和括号。"),
    "descriptor-invalid": ("error", "不符合 Data Package 规范：{detail}。", "{hint}"),
    "plan-missing": ("error", "plan 里缺少 {key}。", "请填上方案的{label}（四位数字的年份）。"),
    # Guardrails: what a pull request may not do to the descriptor, the file system or the machine
    "descriptor-encoding": ("error", "不是 UTF-8 编码（第{line}行起像是 {encoding}，记事本或 Excel 另存时可能这样）。",
                            "请用 VS Code 或记事本“另存为”，编码选 UTF-8。"),
    "descriptor-too-large": ("error", "文件有 {size}，超过了上限 {limit}。", "datapackage.json 只描述数据表，不应这么大；请核对是否误粘贴了内容。"),
    "descriptor-too-deep": ("error", "括号嵌套超过 {limit} 层。", "datapackage.json 不应嵌套这么深；请核对括号，可对照仓库里原来的文件。"),
    "descriptor-reference": ("error", "{where} 指向了别的文件或网址。", "检查和构建不会读取数据包以外的描述；请删掉这一项，或写成 data-package 这样的名称。"),
    "descriptor-name": ("error", "{where}的名称不能用作文件名。", "表名只能用小写英文字母、数字、点、下划线和连字符，以字母或数字开头和结尾，如 task_units。"),
    "descriptor-path-not-csv": ("error", "{where}的 path 不是 .csv 文件。",
                                "网站会把每个表的文件原样放进下载目录，别的后缀（如 .html、.svg）会被浏览器当作网页打开；请把表存为 CSV 文件，path 以小写的 .csv 结尾，如 data/units.csv。"),
    "descriptor-pattern": ("error", "{where}的 pattern 不是有效的正则表达式。", "请对照仓库里原来的 datapackage.json 改正。"),
    "descriptor-key": ("error", "主键或外键有误：{where}{what}。", "主键和外键只能用本数据包里已有的表和列；请对照仓库里原来的 datapackage.json 改正。"),
    "descriptor-number-too-long": ("error", "有一个数字长达几千位，无法读取。", "请核对各个数字，可对照仓库里原来的 datapackage.json。"),
    "descriptor-shape": ("error", "{where}应是{expected}，实际是{actual}。", "请按 Data Package 规范改正，可对照仓库里原来的 datapackage.json。"),
    "descriptor-option": ("error", "{where} 写的是 {value}：这不是本数据包可以用的设置，Frictionless 会因此和网站用不同的方式读表或检查"
                          "（例如跳过某些行、把某些值当作空），校验就会漏掉网站照样发布的行和值。",
                          "{advice}本数据包的表都按 UTF-8 编码、逗号分隔、第1行为表头的 CSV 读取，不另设读法。"),
    "descriptor-text": ("error", "{where} 含有{names}，网页和下载文件都不能带这种字符。", "多半是复制粘贴带进来的；请删掉这些字符。"),
    "descriptor-markup": ("warning", "{where} 含有{what}。网站会把它当作普通文字显示，不会变成格式、链接或模板。",
                          "datapackage.json 的文字（标题、说明、来源、许可）只当作文字显示；照录原文的话可以不改。"),
    "json-duplicate-key": ("error", "第{line}行的键“{key}”在同一个对象里写了两次：程序只用后一个，看文件的人却多半只看到前一个。",
                           "请删掉其中一个，只保留正确的那一个。"),
    "rules-file-shape": ("error", "不是可以运行的规则文件：{what}。",
                         "规则文件要有 name、meta.frame（{frames} 之一）和 expectations 列表；请对照 validations/ 里的其他文件改正。"),
    "expectation-not-written": ("error", "结构预期没有写入：上面列出的规则文件不能运行。", "请先改好这些规则文件，再运行一次。"),
    "schema-expectation-unreadable": ("error", "结构预期文件不能用：{what}，这次没有检查数据包。",
                                      "这个文件记录审核过的数据包结构，不要手改：请从仓库恢复原来的文件，"
                                      "或由维护者运行 python -m scripts validate --write-schema-expectation 重新生成。"),
    "package-name-unsafe": ("error", "数据包名称 name 不能用作文件名。",
                            "name 会用作下载文件名，只能用小写英文字母、数字、点、下划线和连字符，以字母或数字开头和结尾，如 quzhou-manufacturing-plan-2021-2023。"),
    "demo-not-boolean": ("error", "demo 应是 true 或 false（不加引号）。",
                         "真实数据包请写 \"demo\": false；只有全部数字都是虚构的示例数据包才写 true。"),
    "plan-year-not-int": ("error", "plan 的 {key} 应是四位数字的年份（不加引号）。", "请填上方案的{label}，如 2021。"),
    "plan-years-order": ("error", "plan 的年份次序不对：基期 {base} 年、起始 {start} 年、结束 {end} 年。",
                         "应是 基期年份 < 起始年份 ≤ 结束年份，如 2020、2021、2023。"),
    "unsafe-path": ("error", "不能读取这个文件：{reason}", "为了安全，校验和构建都不会打开数据包文件夹以外的文件，也不会打开链接。"),
    "unsafe-id": ("error", "编号只能用小写英文字母、数字和连字符，以字母开头，最长 80 个字符，如 tax-per-mu。",
                  "编号会用作网址和文件名，请改正（别的表里引用它的地方也要一起改）。"),
    "file-too-large": ("error", "文件有 {size}，超过了上限 {limit}，这次没有检查。", "请核对是否误粘贴或重复粘贴了大量内容。"),
    "too-many-rows": ("error", "文件超过了 {limit} 行的上限，这次没有检查。", "请核对是否误粘贴或重复粘贴了大量行。"),
    "too-many-columns": ("error", "第{line}行超过了 {limit} 格的上限，这次没有检查本表。", "多半是误粘贴了内容或逗号；请用 Excel/WPS 打开核对后重新保存。"),
    "package-too-large": ("error", "数据文件合计 {size}，超过了上限 {limit}，这次没有检查各表。", "请核对是否误粘贴或重复粘贴了大量内容。"),
    "csv-unreadable": ("error", "第{line}行附近无法按 CSV 读取（多半是某格里的引号没有配对，或一格里的文字过长）。",
                       "请用 Excel/WPS 打开核对后重新保存。"),
    "schema-change": ("error", "结构变更，需要审核：{what}。",
                      "数据包的结构（表、列、类型、约束、主键和外键、读表方式）、plan、demo 和 validations/ 里的规则由维护者审核；请恢复原来的写法，"
                      "确需改动的请在拉取请求里说明理由，由维护者运行 python -m scripts validate --write-schema-expectation 更新 validations/schema/expectation.json。"),
    "schema-addition": ("warning", "结构变更（新增），需要审核：{what}。",
                        "新增的表、列、约束或规则请由维护者审核后运行 python -m scripts validate --write-schema-expectation 更新 validations/schema/expectation.json。"),
    "validator-crashed": ("error", "检查没有完成：出现了意外错误（{kind}）。",
                          "数据文件没有被改动。请先改正上面列出的问题再检查；仍然出现的话，请把这条信息发给维护者。"),
    "disk-full": ("error", "检查没有完成：磁盘已满，写不进这个文件。", "这不是数据的问题：请清理磁盘（例如删掉 build/ 文件夹）后再检查一次。"),
    # Whole files
    "missing-file": ("error", "找不到这个文件。", "请把文件放在 {file}，文件名要和 datapackage.json 里写的一致。"),
    "file-renamed": ("error", "找不到这个文件，但同一文件夹里有{names}：多半是 Excel/WPS 或浏览器保存时改了文件名。",
                     "请把它改名为 {name}（文件名要和 datapackage.json 里写的一致）；如果它是 Excel 工作簿（.xlsx、.xls、.et），"
                     "请用 Excel/WPS 打开后“另存为”，保存类型选“CSV UTF-8(逗号分隔)(*.csv)”，文件名写 {name}。"),
    "file-beside": ("warning", "同一文件夹里还有{names}：校验和网站只读 {name}，不读它。",
                    "如果你的修改存在了那个文件里，请把它改名为 {name}，替换原来的文件；不需要的话请删掉它。"),
    "lock-file-beside": ("warning", "同一文件夹里有{names}：这是 Excel/WPS 打开 {name} 时生成的临时文件，说明这个文件可能还开着、修改可能还没有保存。",
                         "请在 Excel/WPS 里保存并关闭这个文件后再检查一次（临时文件会自动消失；Excel/WPS 已经关了的，直接删掉它）。"),
    "empty-file": ("error", "文件是空的，连表头都没有。", "第1行要写表头：{header}。"),
    "encoding-gbk": ("error", "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Excel 另存为普通的“CSV(逗号分隔)”就会这样）。",
                     SAVE_AS_UTF8 + "，或者运行 make normalize FILE={file} IN_PLACE=1 转换编码。"),
    "encoding-utf16": ("error", "文件是 UTF-16 编码（Excel 的“Unicode 文本”）。", SAVE_AS_UTF8 + "，或者运行 make normalize FILE={file} IN_PLACE=1 转换编码。"),
    "encoding-unknown": ("error", "文件不是 UTF-8 编码，第{line}行起有无法识别的字节。", SAVE_AS_UTF8 + "。"),
    # The header row
    "missing-column": ("error", "缺少这一列。", "第1行的表头应依次是：{header}。"),
    "extra-column": ("error", "多了一列“{label}”，本表没有这一列。", "请删掉这一列；表头应依次是：{header}。"),
    "duplicate-column": ("error", "表头“{label}”出现了不止一次。", "请删掉多余的一列；表头应依次是：{header}。"),
    "column-order": ("error", "第{position}列的表头应是“{expected}”，实际是“{label}”。", "请按次序排列各列：{header}。"),
    "header-title": ("error", "表头用了中文标题“{label}”。", "表头要写英文列名“{expected}”；表头应依次是：{header}。"),
    "header-whitespace": ("error", "表头“{label}”前后有空格或看不见的字符。", "请改成“{expected}”。"),
    "wrong-delimiter": ("error", "表头里没有逗号，像是用{delimiter}分隔的。", SAVE_AS_UTF8 + "。"),
    "rows-not-checked": ("warning", "表头有错，本表各行这次没有检查。", "表头改好后请再检查一次。"),
    # Cells, as typed in Excel
    "whitespace": ("error", "{where}有空格或换行。", "请删掉，改成“{fixed}”。"),
    "invisible-character": ("error", "含有看不见的字符（{names}）。", "请删掉这些字符，或者运行 make normalize FILE={file} IN_PLACE=1 自动清除。"),
    "formula": ("error", "以“{first}”开头，会被 Excel/WPS 当作公式执行。", "请填纯文字或数字，不要以 = + - @（包括全角的 ＝ ＋ － ＠）开头写公式。"),
    "full-width-digits": ("error", "用了全角数字或符号。", "请改成半角的 {fixed}。"),
    "thousands-separator": ("error", "数字里有千分位逗号。", "请去掉逗号，填 {fixed}。"),
    "percent-sign": ("error", "数值里带了百分号。", "{advice}"),
    "unit-in-cell": ("error", "数值里带了{what}。", "{advice}"),
    "placeholder": ("error", "“{value}”不是数字，是占位符。", "{advice}"),
    "scientific-notation": ("error", "数字写成了科学计数法，Excel 可能已经截掉了后面的位数。",
                            "请核对原始数字，把单元格格式设成“数值”后重新保存；按现有写法应为 {fixed}。"),
    "excel-date": ("error", "日期的写法不对。", "{advice}{normalize}"),  # normalize: NORMALIZE_DATES when it puts the date right
    "period-format": ("error", "时期的写法不对。", "{advice}" + PERIOD_FORMS + "。"),
    "too-long": ("error", "有 {length} 个字，超过了上限 {limit} 个字。", "请删减到 {limit} 个字以内。"),
    "shown-literally": ("warning", "含有{what}。网站会把它当作普通文字显示，不会变成格式、链接或模板。", "照录原文的话可以不改。"),
    # What a cell may hold: control characters, numbers only in ASCII decimals, periods and dates that can be true
    "control-character": ("error", "含有控制字符（{names}），网页、图表和下载文件都不能带这种字符。",
                          "多半是从网页或其他软件复制时带进来的；请把这一格清空后重新输入。"),
    "nan-infinity": ("error", "“{value}”表示“非数”或“无穷大”，不是一个具体的数。", "{advice}"),
    "other-digits": ("error", "用了其他文字的数字或负号，不是半角的 0—9 和 -。", "请改成半角的 {fixed}。"),
    "underscore-in-number": ("error", "数字里有下划线。", "请去掉下划线，填 {fixed}。"),
    "bare-point": ("error", "小数点的一边没有数字。", "请填 {fixed}。"),
    "plus-sign": ("error", "数字前面带了加号，Excel/WPS 会把以“+”开头的一格当作公式。", "请去掉加号，填 {fixed}。"),
    "period-before-plan": ("error", "时期是 {year} 年，早于方案的基期 {plan_base_year} 年。",
                           "本数据包只收 {plan_base_year}—{plan_end_year} 年的数字，请核对年份。"),
    "period-after-plan": ("error", "时期是 {year} 年，晚于方案的结束年份 {plan_end_year} 年，targets.csv 里也没有这一年的目标。",
                          "请核对年份：方案期以后的数字，只收在 targets.csv 里定了当年目标的指标。"),
    "period-not-ended": ("error", "时期到 {period_end} 才结束，今天（{today}）还没有过完。", "请核对时期：只收已经结束的时期的数字。"),
    "published-in-future": ("error", "发布日期 {published} 在今天（{today}）之后。", "请核对，填来源实际发布的日期。"),
    "negative-quantity": ("error", "“{indicator_id}”的单位是“{unit}”，这个数量不能是负数。", "请核对这个数，是否多写了负号。"),
    "number-too-long": ("error", "数字有 {digits} 位，超过了 {limit} 位的上限，网站不能按原样计算和显示。",
                        "请核对这个数：是否多打了数字，或者应换用更大的单位（如把“元”换成“万元”）。"),
    "name-lookalike": ("error", "和第{other}行的“{other_value}”在读者看来是同一个名称（{why}）。",
                       "名称要让读者一眼分得清：请改成不同的名称；如果说的是同一个，请删掉多出的一行，别的表里引用它的编号也一并改过来。"),
    "name-not-normal": ("error", "名称里有不常用的写法：{chars}，看起来一样，搜索却找不到。", "请改成“{fixed}”。"),
    "follow-on-errors": ("error", "因为 {key_file} 第{key_row}行的“{key}”有误，下面 {count} 行连带报错（第{rows}行）。",
                         "请先改好 {key_file} 第{key_row}行；改好后这些行不用改。"),
    "title-row": ("error", "第1行是标题“{title}”，不是表头；表头在第{header_row}行。", "请删除{rows}，让表头成为第1行：{header}。"),
    # Rows, types, constraints and keys (Frictionless)
    "blank-row": ("error", "这是一个空行。", "请删掉这一行。"),
    "duplicate-row": ("error", "这一行和第{other}行完全相同。", "请删掉重复的一行。"),
    "duplicate-key": ("error", "和第{other}行重复：同样的{key_titles}只能有一行。", "请删掉或改正其中一行。"),
    "duplicate-value": ("error", "第{other}行已经用过这个值，本列不能重复。", "请改成别的值。"),
    "unknown-reference": ("error", "{reference_file} 里没有“{value}”。", "请填 {reference_file} 里已有的「{reference_title}」，或者先在那个表里加上这一行。"),
    "reference-lookalike": ("error", "{reference_file} 里没有“{value}”，但有看起来一样的“{meant}”：这一格里的 {names} 不是键盘上的英文字母、数字或连字符。",
                            "多半是从网页、Word 或聊天软件复制来的；请删掉这一格，切换到英文输入法重新输入“{meant}”。"),
    "reference-case": ("error", "{reference_file} 里没有“{value}”，只有大小写不同的“{meant}”：编号区分大小写。",
                       "请改成“{meant}”（编号都用小写英文字母；Excel/WPS 的“自动更正”可能把开头的字母改成了大写）。"),
    "missing-value": ("error", "这一格不能空。", "请填上：{description}"),
    "wrong-type": ("error", "这一格{what}", "{advice}"),
    "not-in-list": ("error", "不是可以填的值。", "只能填其中之一：{choices}。"),
    "boolean-case": ("error", "这是 Excel/WPS 的写法：它打开又保存这个文件时，把 true、false 改成了大写。",
                     "请改回 {fixed}；整列都被改写的，运行 make normalize FILE={file} IN_PLACE=1 一次改回。"),
    "bad-pattern": ("error", "写法不对。", "请按要求填写：{description}"),
    "bad-period": ("error", "时期的写法不对。", PERIOD_FORMS + "。"),
    "out-of-range": ("error", "数值{what}。", "请核对这个数。"),
    "missing-cell": ("error", "这一行的格数比表头少，缺了这一列。", "多半是漏了一格或多了换行；请用 Excel/WPS 打开核对后重新保存。"),
    "extra-cell": ("error", "这一行比表头多出了一格。", "多半是某格里的逗号没有加引号；请用 Excel/WPS 打开核对后重新保存。"),
    "structure-other": ("error", "文件结构有问题（{kind}）。", "请用 Excel/WPS 打开核对后重新保存。"),
    # Rules a table schema cannot say (Great Expectations)
    "year-outside-plan": ("error", "目标年份不在方案期 {plan_start_year}—{plan_end_year} 年内。", "请核对年份。"),
    "lead-missing": ("error", "任务“{task_id}”没有牵头单位。", "请在 task_units.csv 里为它加一行职责为 lead 的单位（方案括注中列第一位的单位）。"),
    "lead-duplicate": ("error", "任务“{task_id}”有 {lead_count} 个牵头单位（task_units.csv 第{lead_rows}行）。",
                       "每项任务只能有一个牵头单位（方案括注中列第一位的单位），其余请改为 support。"),
    "period-backwards": ("error", "月份范围前大后小。", "起始月要写在前面，如 2023-01..10。"),
    "period-after-published": ("error", "时期到 {period_end} 才结束，发布日期却是 {published}。", "请核对时期和发布日期：不能在时期结束前发布这一时期的数字。"),
    "share-out-of-range": ("error", "“{indicator_id}”是比例（单位“{unit}”），数值应在 0 到 100 之间。", "请核对：比例只填百分数里的数字，如 35.5 表示 35.5%。"),
    "count-not-whole": ("error", "“{indicator_id}”的单位是“{unit}”，数量应是整数。", "请核对这个数。"),
    "reprint-without-original": ("error", "这是转载（reprint），但「原发布单位」空着。",
                                 "请填转载页面注明的原发布单位或原发媒体（如 中国网、衢州市统计局）；页面没有注明的，写“未注明”。"),
    "undated-unexplained": ("error", "「发布日期」空着，「说明」里没有写为什么。",
                            "有日期就按 2023-11-14 的写法填上；来源确实没有注明日期的，在「说明」里写“" + UNDATED + "”，不要估计日期。"),
    "url-not-http": ("error", "不是以 http:// 或 https:// 开头的网址。", "请从浏览器地址栏复制完整网址。"),
    # Addresses (scripts/core/urls.py): only http(s), and the host a reader sees is the one the browser opens
    "url-scheme": ("error", "这不是网页地址：浏览器会把它当作“{scheme}:”开头的地址{hidden}，不是 http:// 或 https:// 开头的网址。",
                   "只能填来源网页的地址；请从浏览器地址栏复制完整网址（以 https:// 或 http:// 开头）。"),
    "url-no-scheme": ("error", "网址没有以 https:// 或 http:// 开头，浏览器和网站都不能把它当作网址打开。",
                      "请改成 {fixed}（最好从浏览器地址栏复制完整网址）。"),
    "url-space": ("error", "网址里有{names}。", "网址里不能有空格、换行或看不见的字符；请删掉它们，或从浏览器地址栏重新复制网址。"),
    # Well-formed addresses that are not the source's own (scripts/core/urls.py source_problem)
    "url-search-redirect": ("error", "这是{engine}搜索结果的跳转链接，不是来源网页自己的网址：过一段时间会失效，读者也看不出数字登在哪个网站上。",
                            "请在浏览器里打开它，等跳到来源网页后，从地址栏复制那里的网址。"),
    "url-wechat-personal": ("error", "网址里带着微信加上的登录或分享参数（{params}），公开出去会暴露复制它的人的微信身份。", "{fixed}"),
    "url-scheme-case": ("error", "网址开头的“{scheme}://”用了大写字母。", "请写成小写：{fixed}。"),
    "url-backslash": ("error", "网址里有反斜杠“\\”，浏览器会把它当作“/”，打开的可能是另一个网站。", "请改成“/”，或从浏览器地址栏重新复制网址。"),
    "url-no-slashes": ("error", "网址的“{scheme}:”后面缺少“//”。", "请写成 {scheme}://域名/…，最好从浏览器地址栏复制完整网址。"),
    "url-userinfo": ("error", "网址里有“@”：浏览器打开的是 @ 后面的“{host}”，前面的“{userinfo}”只是用户名，不是网站。",
                     "请填来源网页本身的网址（从浏览器地址栏复制）；网址的域名部分不能有 @。"),
    "url-bad-port": ("error", "网址里冒号后面的端口“{port}”不是数字。", "请从浏览器地址栏重新复制网址。"),
    "url-bad-host": ("error", "网址里的域名“{host}”不是有效的网站域名。", "请从浏览器地址栏复制完整网址，域名应像 www.qz.gov.cn 这样。"),
    "url-lookalike-dot": ("error", "网址的域名里有“{dot}”（{point}），它看起来像点，浏览器却会把网址带到“{real}”。",
                          "域名里只能用半角的点“.”；请从浏览器地址栏重新复制网址。"),
    "url-full-width": ("error", "网址的域名“{host}”里有全角字符，浏览器会把它们当作半角的来读。", "请改成半角的“{fixed}”，最好从浏览器地址栏重新复制网址。"),
    "url-mixed-script": ("error", "网址域名里的“{label}”一段混用了{scripts}，可能是仿冒的网址。",
                         "请从浏览器地址栏复制网址，核对这是不是来源网站的真实地址。"),
    "url-lookalike-label": ("error", "网址域名里的“{label}”一段全是看起来像拉丁字母的其他文字，读者会把它看成“{looks_like}”，可能是仿冒的网址。",
                            "请从浏览器地址栏复制网址，核对这是不是来源网站的真实地址。"),
    "indicator-without-target": ("error", "指标“{indicator_id}”在 targets.csv 里没有目标值。", "请在 targets.csv 里为它至少加一行目标。"),
    "correction-without-previous": ("error", "这是一条更正（corrected），没有写原来的数值。", "请在「原数值」填上更正前公布的数值；撤回（withdrawn）的行才不填。"),
    "revision-in-future": ("error", "日期 {date} 在今天（{today}）之后。", "请填实际更正或撤回的日期。"),
    "value-jump": ("warning", "和上一期 {previous_period} 的 {previous_value} 相差 {jump} 倍。", "请核对单位和小数点；数字确实如此的话可以不改。"),
    # What Excel and WPS do to a file on the way back (scripts/validate/rowshape.py, mojibake.py; make normalize fixes
    # the unambiguous ones)
    "trailing-empty-columns": ("error", "表头后面多了 {count} 个空列：每一行末尾都多了 {commas}（Excel/WPS 另存时常会这样）。",
                               "请运行 make normalize FILE={file} IN_PLACE=1 自动删掉；或在 Excel 里选中表头右边的这几列，右键“删除”后重新保存。"),
    "trailing-separators": ("error", "这一行末尾多了 {count} 个逗号，比表头多出 {count} 个空格。",
                            "请删掉行末多余的逗号，或运行 make normalize FILE={file} IN_PLACE=1 自动删掉。"),
    "full-width-separator": ("error", "这一行用中文逗号“，”分隔了各格，所以只读出了 {cells} 格（表头有 {width} 列）。",
                             "请把这一行里用来分隔各格的“，”改成英文逗号“,”，或运行 make normalize FILE={file} IN_PLACE=1 自动改正。"),
    "unclosed-quote": ("error", "这一格以英文双引号“\"”开头，却没有配对的结尾引号，后面 {lines} 行都被读进了这一格。",
                       "请在这一格文字的末尾补上英文双引号“\"”，或删掉开头的引号；格里本来要写的引号请写成两个（\"\"）。"),
    "rows-not-checked-shape": ("warning", "有几行的格数不对，本表各格这次没有逐一检查。", "把上面这几行改好后请再检查一次。"),
    "mojibake": ("error", "这一格是乱码：文件曾被按 {codec} 编码打开又保存，原文多半是“{guess}”。",
                 "请不要用这个文件：从仓库或网站重新下载（带 BOM 的 UTF-8 文件，双击用 Excel/WPS 打开不会乱码），"
                 "在下载的文件里重新修改后另存为“CSV UTF-8(逗号分隔)”。"),
    "lost-characters": ("error", "这一格里有“{mark}”：这是转换编码时丢失了字节留下的记号（“�”是读不出的字节，“锟斤拷”是“�”又被按 GBK 读过），"
                        "原来的字已经丢失，从这一格看不出原文。",
                        "请对照来源重新输入这一格的文字；整个文件都有这种记号的，请从仓库或网站重新下载文件，在下载的文件里重新修改后"
                        "另存为“CSV UTF-8(逗号分隔)”。"),
    "mojibake-fragment": ("error", "这一格里有“{mark}”：这是乱码，多半是引号、顿号、全角逗号或括号这样的标点曾被按 GBK 编码打开又保存，"
                          "或者是从显示乱码的网页复制来的。",
                          "请对照来源把乱码的部分重新输入（通常是一个标点加上它后面的一个字）。"),
    "formula-protection": ("error", "开头的英文单引号“'”是本站下载文件为防止 Excel/WPS 把这一格当作公式执行而加的，不是数据的一部分。",
                           "请删掉开头的单引号（make normalize FILE={file} IN_PLACE=1 会自动删掉）；删掉后这一格若以 = + - @ 开头，请改写成不以这些符号开头的文字。"),
    "encoding-stray": ("error", "文件是 UTF-8 编码，但第{line}行夹着 {count} 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é、’）。",
                       "请打开这一行，把显示为乱码或问号的字符删掉重新输入，再按 UTF-8 保存；不要把整个文件按 GBK 转换（那样中文会变成乱码）。"),
    # The change log (data/CHANGELOG.md): shown on the site as text with a small Markdown subset
    "changelog-html": ("error", "更新记录里有 HTML 标签。", "更新记录只能写文字、# 标题、- 列表、**加粗**、`代码` 和 http(s) 链接；请删掉这个标签。"),
    "changelog-attributes": ("error", "更新记录里有花括号写的格式设置。", "请删掉这对花括号和其中的内容。"),
    "changelog-link": ("error", "链接地址不是以 http:// 或 https:// 开头的网址。", "请从浏览器地址栏复制完整网址，或者删掉这个链接。"),
    "changelog-control": ("error", "这一行有看不见的控制字符（{names}）。", "多半是复制粘贴带进来的；请删掉这些字符后重新保存。"),
    "changelog-invisible": ("error", "这一行有看不见的字符（{names}），它们会改变文字的显示次序或藏起文字，读者看到的和文件里写的不一样。",
                            "请删掉这些字符后重新保存。"),
    "changelog-not-utf8": ("error", "更新记录不是 UTF-8 编码，第{line}行起有无法识别的字节。", "请用记事本或 VS Code 另存为 UTF-8 编码。"),
    "changelog-unsafe": ("error", "更新记录不能读取：{reason}", "请把 data/CHANGELOG.md 换成普通的文字文件。"),
}

_INVISIBLE_NAMES = {
    "\u200b": "零宽空格 U+200B", "\u200c": "零宽不连字 U+200C", "\u200d": "零宽连字 U+200D", "\u2060": "零宽不换行 U+2060",
    "\ufeff": "字节顺序标记 U+FEFF", "\u00ad": "软连字符 U+00AD", "\u200e": "方向标记 U+200E", "\u200f": "方向标记 U+200F",
    "\u061c": "阿拉伯字母方向标记 U+061C", "\u034f": "组合字形连接符 U+034F", "\u2800": "盲文空白 U+2800",
}
# Look-alike and invisible characters are defined below everything (scripts/core/lookalike.py): the site and the
# address rules use the same set.
_INVISIBLE_KINDS = [
    ("\u202a", "\u202e", "方向控制字符"), ("\u2066", "\u2069", "方向隔离字符"), ("\ufe00", "\ufe0f", "变体选择符"),
    ("\U000e0100", "\U000e01ef", "变体选择符"), ("\U000e0000", "\U000e007f", "标签字符"), ("\u3164", "\u3164", "韩文填充符"),
    ("\u115f", "\u1160", "韩文填充符"), ("\uffa0", "\uffa0", "半角韩文填充符"),
]
# C0 controls but tab and line breaks, DEL, C1 controls, lone surrogates and the non-characters (U+FDD0-U+FDEF and
# the last two code points of every plane, U+FFFE/U+FFFF included): no page, chart, download or terminal can carry
# them safely (YAML rejects them, the chart renderer aborts on U+FFFF, ESC starts terminal sequences).
_NON_CHARACTERS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NON_CHARACTERS + "]")


def invisible_name(char: str) -> str:
    """A character no one can see, named in Chinese with its code point, e.g. 零宽空格 U+200B, 标签字符 U+E0020."""
    if char in _INVISIBLE_NAMES:
        return _INVISIBLE_NAMES[char]
    kind = next((name for first, last, name in _INVISIBLE_KINDS if first <= char <= last), None)
    if kind is None:
        kind = "看不见的字符" if INVISIBLE.match(char) else "控制字符"
    return f"{kind} U+{ord(char):04X}"


def show(value: str, width: int | None = 60) -> str:
    """A cell as one readable line: invisible and control characters and line breaks made visible, long text cut
    (width None: never cut)."""
    text = CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", value))
    text = text.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵").replace("\t", "[Tab]")
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
