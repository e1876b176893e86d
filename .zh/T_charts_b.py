T = {
    **{m: f"{i} 月" for i, m in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"], start=1)},
    "{month} {year}": "{year} 年 {month}",
    "end {year}": "{year} 年底",
    "the end of {year}": "{year} 年底",
    "; ": "；",
    " and ": " 和 ",
    " or ": "或",
    # awards
    "No later figure of Shenzhen's implies a count for the edition · 中国专利奖": "中国专利奖：深圳后来的数字\n均无法推算出该届的获奖数",
    "Shenzhen's own later figures point to more than the stated count · 中国专利奖": "中国专利奖：深圳自己后来的数字\n显示获奖数多于文章所述",
    "Shenzhen's own later figures point to fewer than the stated count · 中国专利奖": "中国专利奖：深圳自己后来的数字\n显示获奖数少于文章所述",
    "Shenzhen's own later figures point to the same as the stated count · 中国专利奖": "中国专利奖：深圳自己后来的数字\n显示获奖数与文章所述相同",
    "Shenzhen, worked out from a later report": "深圳，由后来的报告推算",
    "article 文章": "文章",
    "published after the article": "文章发表之后公布",
    "Awards, all classes (项)": "各类奖项合计（项）",
    "All awards 全部奖项": "全部奖项",
    "Edition 届": "届次",
    "Shenzhen gold awards 深圳金奖": "深圳金奖",
    "Patent gold awards (项)": "专利金奖（项）",
    "Patent gold 专利金奖": "专利金奖",
    "Two scatter panels by award edition. Top: Shenzhen's awards, {ed21} in the 21st and {ed22} in the 22nd edition; for the 23rd the article's {stated} is marked, and the city's later figures imply about {implied}. Bottom: Shenzhen's patent gold awards per edition with the article's {gold} marked. Grey: published after the article.":
        "按奖项届次排列的两幅散点图。上图：深圳的获奖数，第 21 届 {ed21} 项，第 22 届 {ed22} 项；第 23 届标出了文章所说的 {stated} 项，而深圳后来的数字推算约为 {implied} 项。下图：深圳历届专利金奖数，并标出文章所说的 {gold} 项。灰色：文章发表之后公布。",
    "China Patent Award results by edition. Top: awards of all classes for Shenzhen and the peers found; hollow circles are counts worked out from a later report's count and percentage change. Bottom: Shenzhen's patent gold awards. The dashed line marks the article's date, between the 23rd edition (announced July 2022) and the 24th.":
        "中国专利奖历届结果。上图：深圳及已找到数据的其他地区的各类奖项合计；空心圆为根据后来报告中的数量和百分比变化推算出的数量。下图：深圳的专利金奖。虚线标出文章的发表日期，位于第 23 届（2022 年 7 月公布）与第 24 届之间。",
    # enterprise
    "applications": "申请量",
    "grants": "授权量",
    "{region} · {measure}, {basis} · {period}": "{region} · {measure}，{basis} · {period}",
    "Shenzhen · invention grants, computed · {year}": "深圳 · 发明专利授权量，推算 · {year} 年",
    "China (national) · invention patents in force, computed · end {year}": "全国 · 有效发明专利，推算 · {year} 年底",
    "Shenzhen's enterprise share is {n} points above\nthe national one · 企业专利占比": "企业专利占比：深圳比全国高 {n} 个百分点",
    "Shenzhen's enterprise share is {n} points below\nthe national one · 企业专利占比": "企业专利占比：深圳比全国低 {n} 个百分点",
    "Shenzhen's enterprise share is level with\nthe national one · 企业专利占比": "企业专利占比：深圳与全国持平",
    "article: nearly 90% 文章": "文章：近 90%",
    "Share owned or filed by enterprises (%) 企业占比": "企业拥有或申请的专利占比（%）",
    "Horizontal bar chart of {n} enterprise shares of patents, from {low:.0f}% to {high:.0f}%. Shenzhen's shares are highest; the computed Shenzhen share of invention grants in {year} is at least {share:.1f}%, against a national {national:.1f}% of invention patents in force; a dotted line marks the article's 90%.":
        "横向条形图，显示 {n} 个企业专利占比，从 {low:.0f}% 到 {high:.0f}%。深圳的占比最高；推算出的 {year} 年深圳发明专利授权量中企业占比至少为 {share:.1f}%，而全国有效发明专利中企业占比为 {national:.1f}%；点线标出文章所说的 90%。",
    "Enterprises' share of patent applications, grants or patents in force, as stated by each source or computed from counts. Hatched: a lower bound. Grey: after the article.":
        "企业在专利申请量、授权量或有效专利中的占比，或由各来源直接给出，或由数量推算。斜线填充：下限。灰色：文章发表之后。",
    # fast track
    "days": "数天",
    "weeks": "数周",
    "months": "数月",
    "over a year": "一年以上",
    "Fast-track times are {fast};\nthe national invention average is\n{last} · 审查周期": "审查周期：快速通道用时为{fast}；\n全国发明专利平均审查周期为{last}",
    "national invention examination\nperiod (CNIPA) 全国发明专利审查周期": "全国发明专利审查周期\n（国家知识产权局）",
    "national, part year or\npoint in time": "全国，非全年\n或时点数据",
    "fast-track grant, all patent\ntypes 快速预审授权周期": "快速预审授权周期，\n全部专利类型",
    "fast-track grant, invention\npatents 发明专利": "快速预审授权周期，\n发明专利",
    "pre-examination 预审周期": "预审周期",
    "article's figures 文章数字": "文章数字",
    "Days, log scale (天)": "天数（对数刻度）",
    "Year 年": "年份",
    "Scatter chart on a log scale of days. CNIPA's national invention examination period falls from {first} days in {first_year} to {last} in {last_year}; the protection centre's own March 2021 figures are {grant} days to grant and {pre} days of pre-examination; the article's {c_grant} and {c_pre} days are marked at its date; values published after the article are grey.":
        "以天数为对数刻度的散点图。国家知识产权局公布的全国发明专利审查周期从 {first_year} 年的 {first} 天降至 {last_year} 年的 {last} 天；保护中心自己公布的 2021 年 3 月数字为授权 {grant} 天、预审 {pre} 天；文章所说的 {c_grant} 天和 {c_pre} 天标在其发表日期处；文章发表之后公布的数值为灰色。",
    "Fast-track pre-examination and grant times reported for the China (Shenzhen) IP protection centre, against CNIPA's national average examination period for invention patents (converted from months to days). Stars: the article's figures, at its date. Grey: published after the article. Outlined diamond: an approximate figure.":
        "中国（深圳）知识产权保护中心公布的快速预审与授权用时，对比国家知识产权局公布的全国发明专利平均审查周期（由月换算为天）。星号：文章的数字，位于其发表日期。灰色：文章发表之后公布。空心菱形：约数。",
    # firsts
    "Every dated service platform predates the article · 服务平台时间线": "服务平台时间线：每个注明日期的\n服务平台都早于文章",
    "{n} of {all} predate the article · 服务平台时间线": "服务平台时间线：{all}中\n有 {n} 个早于文章",
    "Date 日期": "日期",
    "service platforms and designations named in the section": "本节提到的服务平台和认定称号",
    "Dated events of the service platforms and designations the section names. The dashed line marks the article's date.":
        "本节提到的服务平台和认定称号的注明日期的事件。虚线标出文章的发表日期。",
    # pledge
    "A source gives Shenzhen's {year} patent pledge total": "有来源给出深圳 {year} 年\n专利质押融资总额",
    "No source gives Shenzhen's {year} patent pledge total": "没有来源给出深圳 {year} 年\n专利质押融资总额",
    "{sz}; national totals change basis · 质押融资": "质押融资：{sz}；全国总额的口径有变化",
    "{sz}; national totals keep one basis · 质押融资": "质押融资：{sz}；全国总额保持同一口径",
    "implied by a later growth rate": "由后来的增长率推算",
    "article: patents only 文章": "文章（仅专利）",
    "Shenzhen 深圳": "深圳",
    "Billion yuan (十亿元)": "金额（十亿元）",
    "China 全国": "全国",
    "Two scatter panels in billion yuan. Top: Shenzhen's pledge amounts by basis; there is no sourced figure for {year}, where the article's {stated} billion is marked. Bottom: national totals, patents only up to {patent_until} and patents plus trademarks from {pt_from}, reaching {national} billion in {year}; later values grey.":
        "两幅散点图，单位为十亿元。上图：深圳按口径分列的质押融资额；{year} 年没有有出处的数字，图中在该年标出了文章所说的 {stated} 亿元。下图：全国总额，{patent_until} 年及以前仅含专利，{pt_from} 年起含专利和商标，{year} 年达到 {national} 亿元；文章发表之后的数值为灰色。",
    "IP pledge financing, Shenzhen (top) and China (bottom), in billion yuan (values are printed in 亿元, 100 million yuan). Markers show the basis: circle patents only, square patents and trademarks, diamond basis not stated; hollow markers are part-year totals or a figure implied by a later growth rate; grey: after the article.":
        "知识产权质押融资，深圳（上）与全国（下），单位为十亿元（原始数字以亿元公布）。标记形状表示口径：圆形为仅专利，方形为专利和商标，菱形为未说明口径；空心标记为非全年数字或由后来增长率推算的数字；灰色：文章发表之后。",
    # securitisation
    "Products issued (件/单/只)": "发行产品数（件/单/只）",
    "Products 产品数量": "产品数量",
    "Issuance, billion yuan (十亿元)": "发行规模（十亿元）",
    "Money raised 发行规模": "发行规模",
    "Totals published for Shenzhen before and after bracket the article's figures · 知识产权证券化累计": "知识产权证券化累计：深圳在文章前后\n公布的累计数涵盖了文章的数字",
    "Totals published for Shenzhen before and after do not all bracket the article's figures · 知识产权证券化累计": "知识产权证券化累计：深圳在文章前后\n公布的累计数并未都涵盖文章的数字",
    "after the article 文章发表后": "文章发表后",
    "Date of the running total 截至日期": "截至日期",
    "Two scatter panels of running totals by date. Shenzhen's own product count rises from {first} to {last} between {start} and {end}, with the article's {stated} at its date; national and Guangdong totals, on other definitions, are shown in their own colours; grey: after the article.":
        "两幅按日期排列的累计数散点图。深圳自己公布的产品数从 {start}的 {first} 增至 {end}的 {last}，文章所说的 {stated} 标在其发表日期处；全国和广东的累计数口径不同，以各自的颜色显示；灰色：文章发表之后。",
    "Running totals of IP securitisation products (top) and money raised (bottom, billion yuan; printed in 亿元). Shenzhen's totals are the city's own; the Guangdong and national totals count exchange-listed products by the originator's province, or projects in the issuing cities. The dashed line marks the article's date. Circles: Shenzhen; squares: Guangdong; triangles: China. Hollow: 'over' or 'nearly' figures. Grey: after the article.":
        "知识产权证券化产品累计数（上）与发行规模累计（下，单位十亿元；原始数字以亿元公布）。深圳的累计数为该市自己公布；广东和全国的累计数按原始权益人所在省份统计交易所挂牌产品，或统计发行城市的项目。虚线标出文章的发表日期。圆形：深圳；方形：广东；三角形：全国。空心：“超过”或“近”的数字。灰色：文章发表之后。",
    # enforcement
    "institutions and pilots in blue, policies in orange": "机构和试点为蓝色，政策为橙色",
    "The section's platforms and pilots arrived {year} · 平台与试点": "平台与试点：本节提到的平台和试点\n设立于 {year} 年",
    "The section's platforms and pilots arrived {first}-{last} · 平台与试点": "平台与试点：本节提到的平台和试点\n设立于 {first}—{last} 年",
    "Date of the event": "事件日期",
    "institutions, pilots and policies named in the protection section": "保护部分提到的机构、试点和政策",
    "Institutions and pilots (blue) and policies (orange) named in the protection section, by the date of each dated event; the dashed line is the article.":
        "保护部分提到的机构和试点（蓝色）与政策（橙色），按各事件的日期排列；虚线为文章的发表日期。",
    "Criminal IP cases in Shenzhen were highest in {year}, the latest year": "深圳知识产权刑事案件\n在最近的 {year} 年最多",
    "Criminal IP cases in Shenzhen fell {drop} from {peak} to {last}": "深圳知识产权刑事案件\n从 {peak} 年到 {last} 年下降了 {drop}",
    "cases registered 立案": "立案",
    "suspects 犯罪嫌疑人": "犯罪嫌疑人",
    "article": "文章",
    "Cases (件) and suspects (人)": "案件（件）与犯罪嫌疑人（人）",
    "Year": "年份",
    "{year}: {n}": "{year} 年：{n}",
    "Bar chart of criminal IP cases registered by the Shenzhen procuratorate per year, {cases}, with a line for suspects, {suspects}.":
        "深圳检察机关各年立案的知识产权刑事案件条形图：{cases}；折线为犯罪嫌疑人数：{suspects}。",
    "Criminal IP cases registered by the Shenzhen procuratorate, and their suspects, per year (the procuratorate's own white paper).":
        "深圳检察机关各年立案的知识产权刑事案件及其犯罪嫌疑人数（检察机关自己的白皮书）。",
    # overseas
    "cases monitored": "监测案件",
    "firms involved": "涉案企业",
    "firms guided": "获指导企业",
    "costs saved": "节省费用",
    "losses avoided": "减少损失",
    "By {when} Shenzhen's totals had grown, {most} most": "到 {when}，深圳的累计数均已增长，\n{most}增幅最大",
    "By {when} Shenzhen's totals had moved, {most} most": "到 {when}，深圳的累计数已有变化，\n{most}变化最大",
    "Shenzhen's own later total 深圳后来公布": "深圳后来公布的累计数",
    "the article's figure = 1 文章数值": "文章数值 = 1",
    "{later} vs {article} {unit}": "{later}（文章 {article}）{unit}",
    "Later total ÷ the article's (times 倍)": "后来累计数 ÷ 文章数值（倍）",
    "{counter} ({times} times)": "{counter}（{times} 倍）",
    "Horizontal bar chart: for {bars}, the city's total of about {when} divided by the article's figure; a black line marks the article's figure at 1.":
        "横向条形图：{bars}，为该市约 {when}的累计数除以文章的数字；黑线标出文章数字所在的 1。",
    "Shenzhen's own running totals of about {when} against the article's ({article}), as multiples. Both are the claimant's; the later date is inferred.":
        "深圳自己公布的约 {when}的累计数与文章（{article}）所说数字之比。两者均为声称方的数字；后一日期系推断。",
    " No later figure was found for {none}.": "未找到{none}的后来数字。",
    "Chinese firms were named in {share} of Section 337 investigations, {years}": "{years} 年，{share} 的 337 调查涉及中国企业",
    "investigations naming Chinese firms 涉华调查": "涉华调查",
    "all: {basis}": "全部：{basis}",
    "complaints to 1 September (partial year)": "截至 9 月 1 日的申诉（非全年）",
    "no total\n无总数": "无总数",
    "no source\n无数据": "无数据",
    "Section 337 cases per year (件)": "每年 337 案件数（件）",
    "Chart of US Section 337 counts per year from {first} to {last} by what is counted (investigations instituted, complaints filed, complaints plus ancillary proceedings), with bars for investigations naming Chinese firms in {years} ({counts}); years with no source are marked; a dashed line marks the article's date.":
        "美国 337 调查每年数量图，{first} 年至 {last} 年，按统计对象（立案调查、提出申诉、申诉加附属程序）分列，并以条形表示 {years} 年涉及中国企业的调查（{counts}）；没有来源的年份已标出；虚线标出文章的发表日期。",
    "US Section 337 cases per year, by what is counted, and the investigations naming Chinese firms (including Hong Kong, Macao and Taiwan). Markers of different shapes are different counts and are not joined.":
        "美国 337 案件每年数量（按统计对象分列），以及涉及中国企业（含港澳台）的调查。形状不同的标记为不同的统计口径，彼此不相连。",
    # preexam
    "The PPH route is about {share:.0f}% of the centre's cases to {when}": "快速预审 + PPH 路径约相当于保护中心\n截至 {when}受理案件的 {share:.0f}%",
    "Cases received, {year} (full year)": "受理案件，{year} 年（全年）",
    "Cases received, total to {when}": "受理案件，截至 {when}累计",
    "Patents granted after pre-examination, total to {when}": "经预审授权的专利，截至 {when}累计",
    "High-value groups via pre-examination + PPH (the article)": "经预审 + PPH 的高价值专利组（文章）",
    "more than {n}": "超过 {n}",
    "Cases, patents or groups (件 / 件组)": "案件、专利或专利组（件 / 件组）",
    "Horizontal bar chart of the Shenzhen protection centre's pre-examination volumes: {bars}. The article's figure is the black bar.":
        "横向条形图，显示深圳保护中心的预审量：{bars}。文章的数字为黑色条形。",
    "{name}: {value}": "{name}：{value}",
    "The protection centre's pre-examination volumes (its own figures) and the article's count of high-value patent groups routed through pre-examination and PPH (black). Totals are running totals since the centre began work; bars marked \"more than\" are lower bounds.":
        "保护中心的预审量（其自己的数字），以及文章所说经预审和 PPH 的高价值专利组数（黑色）。累计数为自该中心开始运作以来的累计；标为“超过”的条形为下限。",
    # reviews
    "No later city statement dates the excellent run the article starts in {start}": "文章说连续优秀始于 {start} 年，\n该市后来的表述均未说明起始年份",
    "Later city statements also start the excellent run in {start}": "该市后来的表述同样认为\n连续优秀始于 {start} 年",
    "Later city statements start the excellent run in {later}, not {start}": "该市后来的表述认为连续优秀\n始于 {later} 年，而非 {start} 年",
    "no statement found": "未找到表述",
    "{what} (after the article)": "{what}（文章发表之后）",
    "{what} (before the article)": "{what}（文章发表之前）",
    "the article's claim 文章": "文章的说法",
    "city's statement after the article 深圳后来表述": "深圳在文章发表后的表述",
    "city's statement before the article 深圳此前表述": "深圳在文章发表前的表述",
    "Review year": "考核年度",
    "Grid of review years {first} to {last} for {n} reviews; upper halves mark the years the article claims a top result ({start} to {end} for administrative protection, {end} for the others); lower halves mark years covered by the city's own statements, hatched when published after the article: {statements}.":
        "{first} 年至 {last} 年 {n} 项考核的年度网格；上半格标出文章声称取得最佳结果的年份（行政保护考核为 {start} 年至 {end} 年，其他考核为 {end} 年）；下半格标出该市自己的表述所涉及的年份，文章发表之后公布的用斜线填充：{statements}。",
    "{review}, {statements}": "{review}：{statements}",
    "Which review years each statement covers: the article's claims (black, upper half) and the city's own statements (orange, lower half; hatched if published after the article). No independent statement was found.":
        "各表述所涉及的考核年度：文章的说法（黑色，上半格）与该市自己的表述（橙色，下半格；文章发表之后公布的用斜线填充）。未找到独立来源的表述。",
}
