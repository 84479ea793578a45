//! Synthetic plan systems for the performance benchmarks (issue 3); not a user command.
//!
//! ```text
//! cargo run --release --example synth -- --plans 10000 --seed 1 --out target/synth/10k
//! ```
//!
//! Writes a province of counties (about 150 plans each: the overall plan, 24 specialised plans,
//! about 50 departmental plans, township, village, enterprise, site and joint plans, and three
//! registry files per county), deterministic from the seed. Every id is prefixed by its county,
//! every duty assigned to another organisation is accepted by that organisation's plan, levels and
//! thresholds follow the parents: `emplan check` reports nothing on the result.
//!
//! The output folder is replaced if it holds an earlier synthetic system (a `README.md` that says
//! so); any other non-empty folder is refused.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use emplan::model::PlanKind as Kind;

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64, so the output depends on the seed and nothing else.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed ^ 0x5EED_0FE1_1A11_A5A5);
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct items in random order.
    fn sample<T: Clone>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(order.len() - i);
            order.swap(i, j);
        }
        order[..k].iter().map(|&i| items[i].clone()).collect()
    }

    /// An independent stream for one part of the output.
    fn fork(&self, salt: u64) -> Rng {
        Rng::new(self.0 ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed tables: the province-wide hazard catalogue, metrics, departments and specialised plans.

/// (id, name, category, triggers, metrics)
type HazardRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const HAZARDS: &[HazardRow] = &[
    (
        "rainstorm",
        "暴雨",
        "natural",
        &["flood", "landslide", "debris-flow"],
        &["rainfall-24h"],
    ),
    ("flood", "洪涝", "natural", &[], &["evacuated"]),
    ("drought", "干旱", "natural", &[], &["drinking-shortage"]),
    ("landslide", "滑坡", "natural", &[], &["threatened"]),
    ("debris-flow", "泥石流", "natural", &[], &["threatened"]),
    ("collapse", "崩塌", "natural", &[], &["threatened"]),
    (
        "earthquake",
        "地震",
        "natural",
        &["landslide", "collapse"],
        &["magnitude"],
    ),
    (
        "forest-fire",
        "森林草原火灾",
        "natural",
        &[],
        &["burned-area"],
    ),
    ("strong-wind", "大风", "natural", &[], &[]),
    ("hail", "冰雹", "natural", &[], &[]),
    ("lightning", "雷电", "natural", &[], &[]),
    ("heat", "高温", "natural", &["drought"], &[]),
    (
        "snow-ice",
        "低温雨雪冰冻",
        "natural",
        &["power-outage"],
        &[],
    ),
    (
        "hazmat",
        "危险化学品事故",
        "accident",
        &["environment", "fire"],
        &["poisoned"],
    ),
    ("mine", "矿山事故", "accident", &[], &["deaths"]),
    ("road-traffic", "道路交通事故", "accident", &[], &["deaths"]),
    ("fire", "火灾", "accident", &[], &["deaths"]),
    ("construction", "建设工程事故", "accident", &[], &["deaths"]),
    ("gas", "城镇燃气事故", "accident", &["fire"], &["deaths"]),
    (
        "special-equipment",
        "特种设备事故",
        "accident",
        &[],
        &["deaths"],
    ),
    (
        "power-outage",
        "大面积停电",
        "accident",
        &["communication"],
        &["power-loss-users"],
    ),
    (
        "communication",
        "通信网络中断",
        "accident",
        &[],
        &["outage-hours"],
    ),
    (
        "environment",
        "突发环境事件",
        "accident",
        &[],
        &["economic-loss"],
    ),
    (
        "public-health",
        "突发公共卫生事件",
        "public-health",
        &[],
        &["infected"],
    ),
    (
        "infectious-disease",
        "传染病疫情",
        "public-health",
        &[],
        &["infected"],
    ),
    (
        "food-safety",
        "食品安全事故",
        "public-health",
        &[],
        &["poisoned"],
    ),
    (
        "animal-epidemic",
        "重大动物疫情",
        "public-health",
        &[],
        &["economic-loss"],
    ),
    (
        "mass-incident",
        "群体性事件",
        "social-security",
        &[],
        &["participants"],
    ),
    (
        "cyber",
        "网络安全事件",
        "social-security",
        &[],
        &["economic-loss"],
    ),
    (
        "school",
        "校园安全事件",
        "social-security",
        &[],
        &["injured"],
    ),
    ("tourism", "旅游突发事件", "accident", &[], &["deaths"]),
    (
        "grain",
        "粮食供应短缺",
        "social-security",
        &[],
        &["economic-loss"],
    ),
    (
        "stampede",
        "拥挤踩踏事件",
        "social-security",
        &[],
        &["deaths"],
    ),
];

/// (id, name, unit)
const METRICS: &[(&str, &str, &str)] = &[
    ("deaths", "死亡人数", "人"),
    ("injured", "重伤人数", "人"),
    ("missing", "失踪人数", "人"),
    ("evacuated", "紧急转移安置人数", "人"),
    ("economic-loss", "直接经济损失", "万元"),
    ("rainfall-24h", "24小时降雨量", "mm"),
    ("magnitude", "地震震级", "级"),
    ("burned-area", "受害森林面积", "公顷"),
    ("poisoned", "中毒人数", "人"),
    ("infected", "感染病例数", "例"),
    ("power-loss-users", "停电用户数", "户"),
    ("participants", "参与人数", "人"),
    ("threatened", "受威胁人数", "人"),
    ("outage-hours", "通信中断时长", "小时"),
    ("drinking-shortage", "饮水困难人数", "人"),
];

/// Departments of a county: (key, name after the county's name, organisation kind). The lead
/// departments of the specialised plans come first, in the order the plans name them.
const DEPTS: &[(&str, &str, &str)] = &[
    ("shuili", "水利局", "department"),
    ("ziranziyuan", "自然资源局", "department"),
    ("linye", "林业局", "department"),
    ("dizhen", "防震减灾服务中心", "department"),
    ("qixiang", "气象局", "department"),
    ("yingji", "应急管理局", "department"),
    ("jiaotong", "交通运输局", "department"),
    ("xiaofang", "消防救援大队", "team"),
    ("fagai", "发展和改革局", "department"),
    ("jingxin", "经济信息化和科学技术局", "department"),
    ("shengtai", "生态环境局", "department"),
    ("weijian", "卫生健康局", "department"),
    ("shichang", "市场监督管理局", "department"),
    ("nongye", "农业农村局", "department"),
    ("gongan", "公安局", "department"),
    ("wangxin", "委网信办", "department"),
    ("zhujian", "住房和城乡建设局", "department"),
    ("jiaoyu", "教育局", "department"),
    ("wenlv", "文化广播电视和旅游局", "department"),
    ("minzheng", "民政局", "department"),
    ("caizheng", "财政局", "department"),
    ("renshe", "人力资源和社会保障局", "department"),
    ("shangwu", "商务局", "department"),
    ("chengguan", "综合行政执法局", "department"),
    ("yibao", "医疗保障局", "department"),
    ("tuiyi", "退役军人事务局", "department"),
    ("sifa", "司法局", "department"),
    ("tongji", "统计局", "department"),
    ("shenji", "审计局", "department"),
    ("xinfang", "信访局", "department"),
    ("xuanchuan", "委宣传部", "department"),
    ("rongmei", "融媒体中心", "department"),
    ("hongshizi", "红十字会", "committee"),
    ("gonghui", "总工会", "committee"),
    ("tuanwei", "团委", "committee"),
    ("fulian", "妇女联合会", "committee"),
    ("renwu", "人民武装部", "department"),
    ("wujing", "武警中队", "team"),
    ("gongdian", "供电公司", "enterprise"),
    ("yidong", "移动分公司", "enterprise"),
    ("dianxin", "电信分公司", "enterprise"),
    ("liantong", "联通分公司", "enterprise"),
    ("zilaishui", "自来水公司", "enterprise"),
    ("ranqi", "燃气公司", "enterprise"),
    ("gonglu", "公路养护段", "department"),
    ("jikong", "疾病预防控制中心", "department"),
    ("renminyiyuan", "人民医院", "department"),
    ("zhongyiyuan", "中医医院", "department"),
    ("fuyou", "妇幼保健院", "department"),
    ("shuiwen", "水文站", "department"),
    ("jiguan", "机关事务服务中心", "department"),
    ("gongxiao", "供销合作社联合社", "department"),
    ("jinrong", "金融工作局", "department"),
    ("waiban", "外事办公室", "department"),
    ("tiyu", "体育运动中心", "department"),
    ("dangan", "档案馆", "department"),
];

/// Departments that get a former name (机构改革): (key, former name after the county's name).
/// No generated text uses these names.
const FORMER: &[(&str, &str, &str)] = &[
    ("yingji", "安全生产监督管理局", "2019-03-15"),
    ("ziranziyuan", "国土资源局", "2019-02-28"),
    ("shuili", "水务局", "2019-03-01"),
];

struct Spec {
    key: &'static str,
    name: &'static str,
    lead: &'static str,
    hazards: &'static [&'static str],
    /// The plan's own activation measure: (metric, hazard, thresholds for levels I-IV).
    metric: (&'static str, Option<&'static str>, [f64; 4]),
    warns: bool,
    /// Departments that are usually members of its HQ.
    members: &'static [&'static str],
}

const SPECS: &[Spec] = &[
    Spec {
        key: "flood",
        name: "防汛抗旱",
        lead: "shuili",
        hazards: &["rainstorm", "flood", "drought"],
        metric: (
            "rainfall-24h",
            Some("rainstorm"),
            [250.0, 200.0, 100.0, 50.0],
        ),
        warns: true,
        members: &[
            "yingji",
            "ziranziyuan",
            "qixiang",
            "zhujian",
            "jiaotong",
            "nongye",
            "minzheng",
            "gongan",
            "xiaofang",
            "weijian",
            "shuiwen",
            "gongdian",
            "renwu",
        ],
    },
    Spec {
        key: "geo",
        name: "地质灾害",
        lead: "ziranziyuan",
        hazards: &["landslide", "debris-flow", "collapse"],
        metric: ("threatened", None, [1000.0, 500.0, 100.0, 10.0]),
        warns: true,
        members: &[
            "yingji", "shuili", "qixiang", "zhujian", "jiaotong", "gongan", "minzheng", "weijian",
            "xiaofang",
        ],
    },
    Spec {
        key: "forest-fire",
        name: "森林草原防灭火",
        lead: "linye",
        hazards: &["forest-fire"],
        metric: (
            "burned-area",
            Some("forest-fire"),
            [1000.0, 100.0, 1.0, 0.1],
        ),
        warns: true,
        members: &[
            "yingji", "qixiang", "gongan", "xiaofang", "wujing", "renwu", "jiaotong", "weijian",
        ],
    },
    Spec {
        key: "earthquake",
        name: "地震",
        lead: "dizhen",
        hazards: &["earthquake"],
        metric: ("magnitude", Some("earthquake"), [7.0, 6.0, 5.0, 4.0]),
        warns: false,
        members: &[
            "yingji",
            "ziranziyuan",
            "zhujian",
            "jiaotong",
            "weijian",
            "minzheng",
            "gongan",
            "xiaofang",
            "jiaoyu",
            "gongdian",
            "yidong",
            "dianxin",
        ],
    },
    Spec {
        key: "weather",
        name: "气象灾害",
        lead: "qixiang",
        hazards: &["strong-wind", "hail", "lightning", "heat", "snow-ice"],
        metric: ("evacuated", None, [10000.0, 5000.0, 1000.0, 100.0]),
        warns: true,
        members: &[
            "yingji", "shuili", "nongye", "jiaotong", "zhujian", "gongdian", "jiaoyu", "weijian",
        ],
    },
    Spec {
        key: "safety",
        name: "生产安全事故",
        lead: "yingji",
        hazards: &["mine", "construction", "special-equipment"],
        metric: ("deaths", None, [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &[
            "gongan", "xiaofang", "weijian", "zhujian", "jiaotong", "shichang", "renshe", "gonghui",
        ],
    },
    Spec {
        key: "hazmat",
        name: "危险化学品事故",
        lead: "yingji",
        hazards: &["hazmat"],
        metric: ("poisoned", Some("hazmat"), [100.0, 50.0, 10.0, 1.0]),
        warns: false,
        members: &[
            "gongan", "xiaofang", "shengtai", "weijian", "jiaotong", "jingxin", "shichang",
        ],
    },
    Spec {
        key: "road",
        name: "道路交通事故",
        lead: "jiaotong",
        hazards: &["road-traffic"],
        metric: ("deaths", Some("road-traffic"), [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &["gongan", "yingji", "weijian", "gonglu", "xiaofang"],
    },
    Spec {
        key: "fire",
        name: "火灾事故",
        lead: "xiaofang",
        hazards: &["fire"],
        metric: ("deaths", Some("fire"), [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &[
            "yingji",
            "gongan",
            "weijian",
            "zhujian",
            "gongdian",
            "zilaishui",
        ],
    },
    Spec {
        key: "power",
        name: "大面积停电事件",
        lead: "fagai",
        hazards: &["power-outage"],
        metric: (
            "power-loss-users",
            Some("power-outage"),
            [100000.0, 50000.0, 20000.0, 5000.0],
        ),
        warns: false,
        members: &[
            "gongdian",
            "jingxin",
            "gongan",
            "yingji",
            "weijian",
            "zilaishui",
            "yidong",
            "dianxin",
            "liantong",
        ],
    },
    Spec {
        key: "comms",
        name: "通信保障",
        lead: "jingxin",
        hazards: &["communication"],
        metric: (
            "outage-hours",
            Some("communication"),
            [24.0, 12.0, 6.0, 2.0],
        ),
        warns: false,
        members: &["yidong", "dianxin", "liantong", "gongdian", "yingji"],
    },
    Spec {
        key: "environment",
        name: "突发环境事件",
        lead: "shengtai",
        hazards: &["environment"],
        metric: (
            "economic-loss",
            Some("environment"),
            [10000.0, 2000.0, 500.0, 100.0],
        ),
        warns: false,
        members: &[
            "yingji",
            "shuili",
            "weijian",
            "gongan",
            "nongye",
            "zilaishui",
            "xiaofang",
        ],
    },
    Spec {
        key: "public-health",
        name: "突发公共卫生事件",
        lead: "weijian",
        hazards: &["public-health", "infectious-disease"],
        metric: (
            "infected",
            Some("infectious-disease"),
            [100.0, 50.0, 10.0, 1.0],
        ),
        warns: true,
        members: &[
            "jikong",
            "renminyiyuan",
            "zhongyiyuan",
            "fuyou",
            "jiaoyu",
            "gongan",
            "shichang",
            "yibao",
            "caizheng",
        ],
    },
    Spec {
        key: "food",
        name: "食品安全事故",
        lead: "shichang",
        hazards: &["food-safety"],
        metric: ("poisoned", Some("food-safety"), [100.0, 30.0, 10.0, 1.0]),
        warns: false,
        members: &["weijian", "jikong", "gongan", "nongye", "jiaoyu", "shangwu"],
    },
    Spec {
        key: "animal",
        name: "重大动物疫情",
        lead: "nongye",
        hazards: &["animal-epidemic"],
        metric: (
            "economic-loss",
            Some("animal-epidemic"),
            [5000.0, 1000.0, 200.0, 50.0],
        ),
        warns: true,
        members: &[
            "shichang", "gongan", "jiaotong", "weijian", "caizheng", "linye",
        ],
    },
    Spec {
        key: "mass",
        name: "群体性事件",
        lead: "gongan",
        hazards: &["mass-incident"],
        metric: (
            "participants",
            Some("mass-incident"),
            [1000.0, 500.0, 100.0, 30.0],
        ),
        warns: false,
        members: &[
            "xinfang",
            "sifa",
            "wangxin",
            "xuanchuan",
            "renshe",
            "minzheng",
        ],
    },
    Spec {
        key: "cyber",
        name: "网络安全事件",
        lead: "wangxin",
        hazards: &["cyber"],
        metric: (
            "economic-loss",
            Some("cyber"),
            [10000.0, 1000.0, 100.0, 10.0],
        ),
        warns: true,
        members: &[
            "gongan", "jingxin", "yidong", "dianxin", "liantong", "rongmei",
        ],
    },
    Spec {
        key: "gas",
        name: "城镇燃气事故",
        lead: "zhujian",
        hazards: &["gas"],
        metric: ("deaths", Some("gas"), [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &[
            "ranqi", "xiaofang", "gongan", "yingji", "weijian", "shichang",
        ],
    },
    Spec {
        key: "school",
        name: "校园安全事件",
        lead: "jiaoyu",
        hazards: &["school"],
        metric: ("injured", Some("school"), [100.0, 50.0, 10.0, 1.0]),
        warns: false,
        members: &[
            "gongan", "weijian", "shichang", "xiaofang", "tuanwei", "fulian",
        ],
    },
    Spec {
        key: "tourism",
        name: "旅游突发事件",
        lead: "wenlv",
        hazards: &["tourism"],
        metric: ("deaths", Some("tourism"), [30.0, 10.0, 3.0, 1.0]),
        warns: true,
        members: &[
            "gongan", "jiaotong", "weijian", "shichang", "yingji", "waiban",
        ],
    },
    Spec {
        key: "special-equipment",
        name: "特种设备事故",
        lead: "shichang",
        hazards: &["special-equipment"],
        metric: ("deaths", Some("special-equipment"), [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &["yingji", "gongan", "xiaofang", "weijian", "renshe"],
    },
    Spec {
        key: "grain",
        name: "粮食应急",
        lead: "fagai",
        hazards: &["grain"],
        metric: (
            "economic-loss",
            Some("grain"),
            [5000.0, 1000.0, 200.0, 50.0],
        ),
        warns: true,
        members: &[
            "shangwu", "caizheng", "nongye", "jiaotong", "shichang", "gongxiao",
        ],
    },
    Spec {
        key: "relief",
        name: "自然灾害救助",
        lead: "yingji",
        hazards: &["rainstorm", "flood", "earthquake", "landslide"],
        metric: ("evacuated", None, [10000.0, 5000.0, 1000.0, 100.0]),
        warns: true,
        members: &[
            "minzheng",
            "caizheng",
            "fagai",
            "weijian",
            "zhujian",
            "hongshizi",
            "shangwu",
            "jiaoyu",
        ],
    },
    Spec {
        key: "stampede",
        name: "大型群众性活动拥挤踩踏事件",
        lead: "gongan",
        hazards: &["stampede"],
        metric: ("deaths", Some("stampede"), [30.0, 10.0, 3.0, 1.0]),
        warns: false,
        members: &[
            "wenlv",
            "tiyu",
            "weijian",
            "xiaofang",
            "chengguan",
            "jiaotong",
        ],
    },
];

/// The overall plan's activation criteria: (metric, text template, thresholds I-IV).
const OVERALL_CRITERIA: &[(&str, &str, [f64; 4])] = &[
    (
        "deaths",
        "造成{v}人以上死亡（含失踪）",
        [30.0, 10.0, 3.0, 1.0],
    ),
    ("injured", "造成{v}人以上重伤", [100.0, 50.0, 10.0, 1.0]),
    (
        "economic-loss",
        "直接经济损失{v}万元以上",
        [10000.0, 5000.0, 1000.0, 100.0],
    ),
    (
        "evacuated",
        "紧急转移安置{v}人以上",
        [100000.0, 10000.0, 1000.0, 100.0],
    ),
];

const RESPONSE: [(&str, &str); 4] = [
    ("I", "特别重大"),
    ("II", "重大"),
    ("III", "较大"),
    ("IV", "一般"),
];
const WARNING: [(&str, &str); 4] = [
    ("red", "红色"),
    ("orange", "橙色"),
    ("yellow", "黄色"),
    ("blue", "蓝色"),
];
const DEADLINES: &[&str] = &["30m", "1h", "2h", "6h", "12h", "24h", "3d"];

/// Characters for place names; counties use two, unique across the province.
const PLACE: &[char] = &[
    '安', '宝', '北', '昌', '城', '川', '大', '德', '东', '丰', '凤', '福', '高', '广', '海', '河',
    '和', '红', '华', '黄', '嘉', '江', '金', '靖', '康', '乐', '利', '林', '龙', '隆', '茂', '梅',
    '南', '宁', '平', '蒲', '青', '清', '庆', '荣', '瑞', '沙', '山', '石', '双', '顺', '太', '泰',
    '天', '通', '万', '望', '文', '西', '溪', '仙', '兴', '阳', '永', '玉', '元', '云', '长', '昭',
    '中', '竹', '紫', '白', '柏', '碧', '苍', '朝', '丹', '汉', '合', '鹤', '怀', '建', '景', '开',
    '兰', '柳', '罗', '马', '明', '盘', '铜', '新', '岳', '峰', '桥', '坝', '田', '湾', '岭', '松',
];
const SURNAMES: &[char] = &[
    '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林',
    '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧',
];
const INDUSTRIES: &[(&str, &str)] = &[
    ("化工", "hazmat"),
    ("矿业", "mine"),
    ("建材", "construction"),
    ("水电开发", "flood"),
    ("物流", "road-traffic"),
    ("食品", "food-safety"),
    ("天然气", "gas"),
    ("制药", "hazmat"),
    ("机械制造", "special-equipment"),
    ("纺织", "fire"),
    ("酒业", "fire"),
    ("新能源", "power-outage"),
];
const GROUPS: &[(&str, &str)] = &[
    ("coordination", "综合协调组"),
    ("rescue", "抢险救援组"),
    ("medical", "医疗救治组"),
    ("traffic", "交通保障组"),
    ("comms", "通信保障组"),
    ("security", "治安维护组"),
    ("living", "群众生活组"),
    ("publicity", "宣传报道组"),
    ("experts", "专家组"),
    ("monitoring", "监测预警组"),
];

// ---------------------------------------------------------------------------------------------
// Text banks for the Markdown bodies. Placeholders: {county} {owner} {topic} {hq} {office}.

const GENERAL: &[&str] = &[
    "为建立健全{county}突发事件应对工作机制，依法科学统一、有力有序有效地实施{topic}应急处置，最大程度减少人员伤亡和财产损失，维护人民群众生命安全和社会稳定，制定本预案。",
    "依据《中华人民共和国突发事件应对法》《突发事件应急预案管理办法》《生产安全事故应急条例》及省、市有关规定，结合{county}实际，编制本预案。",
    "本预案适用于{county}行政区域内发生的{topic}类突发事件的预防与应急准备、监测与预警、应急处置与救援、事后恢复与重建等工作。",
    "坚持人民至上、生命至上，坚持统一领导、综合协调、分类管理、分级负责、属地管理为主的原则。",
    "坚持预防为主、预防与应急相结合，常态与非常态相结合，做好应对突发事件的各项准备工作。",
    "坚持依法规范、快速反应、协同应对，充分发挥专业应急救援队伍和基层应急力量的作用。",
    "{owner}负责本预案的组织实施，并会同有关单位开展宣传、培训和演练。",
    "突发事件按照社会危害程度、影响范围等因素，分为特别重大、重大、较大和一般四级。",
    "各乡镇人民政府（街道办事处）、各有关部门应当按照本预案要求，制定和完善本地区、本部门的应急预案。",
    "本预案所称以上含本数，以下不含本数。",
];
const ORGANISATION: &[&str] = &[
    "在县委、县政府的统一领导下，设立{hq}，负责统一指挥、协调本行政区域内{topic}应对工作。",
    "{hq}办公室设在{office}，承担指挥部日常工作，负责信息汇总、综合协调和督促检查。",
    "指挥部成员单位按照职责分工，负责本部门、本行业领域的应急处置工作，并指定一名联络员。",
    "发生较大以上突发事件时，指挥部视情成立现场指挥部，由指挥长或其指定的副指挥长担任现场总指挥。",
    "现场指挥部下设综合协调、抢险救援、医疗救治、交通保障、通信保障、治安维护、群众生活、宣传报道等工作组。",
    "专家组由相关领域专家组成，为应急处置提供技术咨询和决策建议。",
    "各成员单位主要负责人为本单位应急工作第一责任人，分管负责人为直接责任人。",
    "{owner}明确专人负责应急值守，确保二十四小时通信畅通。",
];
const MECHANISM: &[&str] = &[
    "各有关部门建立健全风险调查评估制度，对本行业领域的风险隐患进行排查、登记和动态监控。",
    "气象、水文、自然资源等部门加强监测站网建设，完善监测预报预警信息共享机制。",
    "预警信息通过广播、电视、短信、应急广播和大喇叭、铜锣等方式及时向社会公众发布。",
    "预警信息发布后，有关单位应当加强值班值守，组织应急救援队伍和负有特定职责的人员进入待命状态。",
    "根据事态发展，适时调整预警级别并重新发布；有事实证明不可能发生突发事件或者危险已经解除的，及时宣布解除预警。",
    "发布预警后，各乡镇和村（社区）按照“叫应”机制，逐级通知到户到人，确保预警信息直达基层末梢。",
    "事发地乡镇人民政府和有关部门应当立即组织先期处置，控制事态发展，并及时报告。",
    "应急处置工作结束后，按照“谁主管、谁负责”的原则，组织开展善后处置和恢复重建。",
];
const REPORTING: &[&str] = &[
    "突发事件发生后，事发单位和基层组织应当在30分钟内电话报告、1小时内书面报告至{office}。",
    "报告内容包括事件发生的时间、地点、类型、伤亡情况、影响范围、已采取的措施和下一步工作建议。",
    "对于情况不够清楚、要素不全的，应当先报告基本情况，后续及时续报。",
    "任何单位和个人不得迟报、谎报、瞒报、漏报突发事件信息。",
    "{office}接到报告后，立即核实并按规定向县委、县政府和上级主管部门报告。",
    "涉及港澳台或外籍人员的，按规定同时通报有关部门。",
];
const RESPONSE_TEXT: &[&str] = &[
    "根据突发事件的性质、严重程度和影响范围，应急响应由高到低分为Ⅰ级、Ⅱ级、Ⅲ级、Ⅳ级。",
    "启动Ⅳ级响应后，由{hq}办公室主任组织指挥，有关成员单位按照职责开展处置工作。",
    "启动Ⅲ级以上响应后，由指挥长或其委托的副指挥长组织指挥，必要时成立现场指挥部。",
    "组织营救和救治受害人员，疏散、撤离并妥善安置受到威胁的人员。",
    "迅速控制危险源，标明危险区域，封锁危险场所，划定警戒区，实行交通管制。",
    "抢修被损坏的交通、通信、供水、排水、供电、供气等公共设施，保障群众基本生活。",
    "做好受灾群众的基本生活保障，提供食品、饮用水、衣被、临时住所和医疗防疫等服务。",
    "加强舆情监测和引导，及时、准确、客观发布事件信息，回应社会关切。",
    "威胁和危害得到控制或者消除后，由启动响应的机构宣布终止应急响应。",
];
const SUPPORT: &[&str] = &[
    "县应急管理局会同有关部门加强综合性应急救援队伍和专业应急救援队伍建设，提升救援能力。",
    "县发展和改革局会同有关部门建立健全应急物资储备制度，合理确定储备品种和规模。",
    "县财政局按照规定保障突发事件应对工作所需经费，并加强资金监督管理。",
    "通信运营企业负责建立健全应急通信保障体系，确保应急期间通信畅通。",
    "交通运输部门负责组织协调运输工具，保障应急人员、物资的优先运输。",
    "卫生健康部门负责组织医疗救护队伍，做好伤病员救治和卫生防疫工作。",
    "公安部门负责事发地治安秩序维护和交通管制，保障应急处置工作顺利进行。",
    "各乡镇按照标准规划建设应急避难场所，设置明显标志，确保紧急情况下安全有序使用。",
];
const MANAGEMENT: &[&str] = &[
    "本预案由{owner}负责解释，原则上每三年评估一次，并根据评估结果及时修订。",
    "有关法律法规、上位预案、指挥机构及其职责、重大风险、重要应急资源发生重大变化的，应当及时修订本预案。",
    "{owner}每年至少组织一次应急演练，演练结束后进行评估总结，针对发现的问题完善预案。",
    "本预案经批准后印发实施，并按规定报上级主管部门备案。",
    "对在突发事件应对工作中作出突出贡献的单位和个人，按照有关规定给予表彰奖励。",
    "对迟报、谎报、瞒报、漏报突发事件信息或者应对不力的，依法依规追究责任。",
];
const RISK: &[&str] = &[
    "本地区地处山区丘陵地带，地形起伏较大，汛期降雨集中，易发生洪涝、滑坡、泥石流等灾害。",
    "辖区内交通干线、危险化学品运输线路和人员密集场所较多，安全风险交织叠加。",
    "经风险评估，主要风险包括：暴雨洪涝、地质灾害、森林火灾、道路交通事故和火灾事故。",
    "部分老旧小区和自建房存在消防设施不完善、疏散通道堵塞等隐患。",
    "受极端天气影响，灾害链效应明显，一种灾害可能引发次生、衍生灾害。",
    "作业现场存在高处坠落、物体打击、机械伤害、触电、中毒窒息等风险。",
];
const FIRST_RESPONSE: &[&str] = &[
    "事件发生后，现场人员立即开展自救互救，组织受威胁群众向安全地带转移。",
    "村（社区）应急小分队第一时间赶赴现场，设置警戒区域，劝离无关人员。",
    "根据预警信息，提前转移危险区域内的群众，做到应转尽转、不漏一户、不落一人。",
    "利用现有物资和装备开展先期处置，防止事态扩大，并等待专业救援队伍到达。",
    "明确转移路线、避险地点和责任人，确保转移过程安全有序。",
];
const RESETTLEMENT: &[&str] = &[
    "利用学校、村委会活动室和应急避难场所作为临时安置点，做好转移群众的生活保障。",
    "安置点实行登记管理，配备必要的食品、饮用水、被褥和药品。",
    "加强安置点治安巡逻和卫生防疫，防止发生次生事件。",
    "危险解除后，经安全评估，有序组织群众返回。",
];
const NOTICE: &[&str] = &[
    "佩戴个人防护用品，严禁在未确认安全的情况下进入危险区域。",
    "使用抢险救援器材时，严格遵守操作规程，防止发生次生事故。",
    "现场处置人员应当两人以上协同作业，保持通信畅通。",
    "处置结束后清点人员，确认现场无遗留隐患后方可撤离。",
    "注意观察现场变化，发现异常情况立即撤离并报告。",
];

// ---------------------------------------------------------------------------------------------
// The plan model as written to the front matter.

struct Duty {
    id: String,
    org: String,
    post: Option<String>,
    text: String,
    deadline: Option<&'static str>,
}

struct Accept {
    plan: String,
    duty: String,
    as_duty: Option<String>,
}

#[derive(Clone)]
struct Crit {
    text: String,
    metric: Option<String>,
    hazard: Option<String>,
    at_least: Option<f64>,
}

struct Action {
    org: String,
    duty: Option<String>,
    what: String,
    within: Option<&'static str>,
}

struct Level {
    /// Index 0..4 into RESPONSE or WARNING.
    index: usize,
    commander: Option<String>,
    criteria: Vec<Crit>,
    actions: Vec<Action>,
}

struct Group {
    id: &'static str,
    name: &'static str,
    lead: String,
    members: Vec<String>,
    task: String,
}

struct Command {
    hq: String,
    commander: Option<String>,
    deputies: Vec<String>,
    office: Option<String>,
    members: Vec<String>,
    groups: Vec<Group>,
}

/// Chapter headings per kind of plan.
trait Chapters {
    fn chapters(self) -> &'static [(&'static str, &'static [&'static str])];
}

impl Chapters for Kind {
    /// Chapter headings: each contains a word missing_chapter.rs requires for the kind.
    fn chapters(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Kind::Overall => &[
                ("总则", GENERAL),
                ("组织指挥体系", ORGANISATION),
                ("运行机制", MECHANISM),
                ("应急保障", SUPPORT),
                ("预案管理", MANAGEMENT),
                ("附则", MANAGEMENT),
            ],
            Kind::Specialised => &[
                ("总则", GENERAL),
                ("组织指挥体系", ORGANISATION),
                ("风险分析", RISK),
                ("监测预警", MECHANISM),
                ("信息报告", REPORTING),
                ("应急响应", RESPONSE_TEXT),
                ("应急保障", SUPPORT),
                ("预案管理", MANAGEMENT),
            ],
            Kind::Departmental => &[
                ("总则", GENERAL),
                ("组织指挥机构及职责", ORGANISATION),
                ("预警", MECHANISM),
                ("信息报告", REPORTING),
                ("应急响应", RESPONSE_TEXT),
                ("保障措施", SUPPORT),
                ("附则", MANAGEMENT),
            ],
            Kind::Township => &[
                ("总则", GENERAL),
                ("组织体系", ORGANISATION),
                ("预警信息传递", MECHANISM),
                ("先期处置", FIRST_RESPONSE),
                ("信息报告", REPORTING),
                ("转移安置", RESETTLEMENT),
            ],
            Kind::Village => &[
                ("组织机构", ORGANISATION),
                ("预警", MECHANISM),
                ("先期处置与自救互救", FIRST_RESPONSE),
                ("信息报告", REPORTING),
                ("转移安置", RESETTLEMENT),
            ],
            Kind::Enterprise => &[
                ("总则", GENERAL),
                ("组织机构及职责", ORGANISATION),
                ("应急响应", RESPONSE_TEXT),
                ("后期处置", RESETTLEMENT),
                ("应急保障", SUPPORT),
            ],
            Kind::Site => &[
                ("风险描述", RISK),
                ("应急工作职责", ORGANISATION),
                ("应急处置", FIRST_RESPONSE),
                ("注意事项", NOTICE),
            ],
            Kind::Joint => &[
                ("总则", GENERAL),
                ("组织指挥", ORGANISATION),
                ("信息共享与通报", REPORTING),
                ("联合响应", RESPONSE_TEXT),
                ("应急保障", SUPPORT),
            ],
        }
    }
}

struct Plan {
    id: String,
    kind: Kind,
    title: String,
    owner: String,
    jurisdiction: Option<String>,
    parents: Vec<String>,
    /// Indices of the parents in the county's plan list.
    parent_ix: Vec<usize>,
    hazards: Vec<String>,
    command: Option<Command>,
    duties: Vec<Duty>,
    accepts: Vec<Accept>,
    warning: Vec<Level>,
    response: Vec<Level>,
    resources: Vec<String>,
    neighbours: Vec<String>,
    /// Folder below the county.
    dir: &'static str,
    /// What the body is about, e.g. 防汛抗旱.
    topic: String,
    /// Name of the command HQ for the body text.
    hq: String,
    /// Organisation that runs the HQ office, by name.
    office: String,
    /// The post of the plan owner's head, for levels and duties.
    head_post: Option<String>,
    /// `[text](plan:...)` links for the body.
    links: Vec<(String, String)>,
}

impl Plan {
    fn new(id: String, kind: Kind, title: String, owner: String, dir: &'static str) -> Self {
        Plan {
            id,
            kind,
            title,
            owner,
            jurisdiction: None,
            parents: Vec::new(),
            parent_ix: Vec::new(),
            hazards: Vec::new(),
            command: None,
            duties: Vec::new(),
            accepts: Vec::new(),
            warning: Vec::new(),
            response: Vec::new(),
            resources: Vec::new(),
            neighbours: Vec::new(),
            dir,
            topic: String::new(),
            hq: String::new(),
            office: String::new(),
            head_post: None,
            links: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Registry entries.

struct Org {
    id: String,
    name: String,
    kind: &'static str,
    parent: Option<String>,
    phone: Option<String>,
    former: Option<(String, &'static str)>,
    dissolved: Option<(&'static str, String)>,
    /// Seat coordinates (townships): (lat, lon).
    at: Option<(f64, f64)>,
}

struct Post {
    id: String,
    title: String,
    org: String,
    holder: String,
    deputy: Option<String>,
}

struct Contact {
    id: String,
    name: String,
    org: String,
    mobile: String,
}

struct Resource {
    id: String,
    kind: &'static str,
    name: String,
    org: String,
    township: Option<String>,
    address: Option<String>,
    muster: Option<usize>,
    capabilities: &'static str,
    size: Option<usize>,
    capacity: Option<usize>,
    quantity: Option<usize>,
    stock: Vec<(&'static str, usize, &'static str)>,
    hazard: Option<String>,
    threatened: Option<usize>,
    contact: Option<String>,
}

impl Resource {
    fn new(id: String, kind: &'static str, name: String, org: String) -> Self {
        Resource {
            id,
            kind,
            name,
            org,
            township: None,
            address: None,
            muster: None,
            capabilities: "",
            size: None,
            capacity: None,
            quantity: None,
            stock: Vec::new(),
            hazard: None,
            threatened: None,
            contact: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// How many plans of each kind a county gets.

#[derive(Debug, Clone, Copy)]
struct Composition {
    specialised: usize,
    departmental: usize,
    townships: usize,
    villages: usize,
    enterprises: usize,
    sites: usize,
    joint: usize,
}

impl Composition {
    /// Exactly `budget` plans where possible (at least about 12).
    fn for_budget(budget: usize) -> Self {
        let scale = |n: usize| (n * budget + 75) / 150;
        let specialised = scale(24).clamp(1, SPECS.len());
        let leads = SPECS[..specialised]
            .iter()
            .map(|s| DEPTS.iter().position(|d| d.0 == s.lead).unwrap() + 1)
            .max()
            .unwrap_or(1);
        let departmental = scale(50).max(leads).min(DEPTS.len());
        let townships = scale(12).max(1);
        let mut enterprises = scale(14);
        let mut sites = scale(12);
        let joint = usize::from(budget >= 30);
        let fixed = 1 + joint + specialised + departmental + townships;
        let mut villages = budget as isize - (fixed + enterprises + sites) as isize;
        while villages < 0 && sites > 0 {
            sites -= 1;
            villages += 1;
        }
        while villages < 0 && enterprises > 0 {
            enterprises -= 1;
            villages += 1;
        }
        Composition {
            specialised,
            departmental,
            townships,
            villages: villages.max(0) as usize,
            enterprises,
            sites,
            joint,
        }
    }

    fn plans(&self) -> usize {
        1 + self.joint
            + self.specialised
            + self.departmental
            + self.townships
            + self.villages
            + self.enterprises
            + self.sites
    }
}

// ---------------------------------------------------------------------------------------------
// One county.

struct Town {
    org: String,
    name: String,
    villages: Vec<usize>,
    enterprises: Vec<usize>,
    shelters: Vec<String>,
    hazard_points: Vec<String>,
    team: String,
    warehouse: String,
    head_post: String,
}

struct County {
    index: usize,
    prefix: String,
    name: String,
    city_gov: String,
    city_yingji: String,
    neighbours: Vec<String>,
    comp: Composition,
    rng: Rng,
    orgs: Vec<Org>,
    org_names: HashMap<String, String>,
    posts: Vec<Post>,
    contacts: Vec<Contact>,
    resources: Vec<Resource>,
    local_hazard: (String, String),
    local_metric: (String, String),
    towns: Vec<Town>,
    /// Village orgs: (id, name, township index).
    villages: Vec<(String, String, usize)>,
    /// Enterprise orgs: (id, name, township index, industry hazard).
    enterprises: Vec<(String, String, usize, &'static str)>,
    plans: Vec<Plan>,
    /// The plan that accepts duties assigned to an organisation.
    acceptor: HashMap<String, usize>,
    specs: &'static [Spec],
}

fn place_name(rng: &mut Rng, taken: &mut Vec<String>) -> String {
    loop {
        let name: String = [*rng.pick(PLACE), *rng.pick(PLACE)].iter().collect();
        if !taken.contains(&name) && name.chars().next() != name.chars().nth(1) {
            taken.push(name.clone());
            return name;
        }
    }
}

/// The unique two-character name of county `i` (up to 96 * 95 counties).
fn county_name(i: usize) -> String {
    let n = PLACE.len();
    let first = PLACE[i % n];
    let second = PLACE[(i % n + 1 + (i / n) % (n - 1)) % n];
    format!("{first}{second}县")
}

fn city_name(i: usize) -> String {
    let n = PLACE.len();
    let first = PLACE[(i * 7 + 3) % n];
    let second = PLACE[(i * 7 + 3 + 1 + (i * 7 + 3) / n % (n - 1)) % n];
    format!("{first}{second}市")
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl County {
    fn new(index: usize, total: usize, comp: Composition, seed: &Rng) -> Self {
        let prefix = format!("k{index:03}");
        let city = index / 12;
        let mut neighbours = Vec::new();
        if total > 1 {
            neighbours.push(format!("k{:03}-zf", (index + 1) % total));
        } else {
            neighbours.push("linsheng-zf".to_owned());
        }
        County {
            index,
            name: county_name(index),
            prefix,
            city_gov: format!("s{city:02}-zf"),
            city_yingji: format!("s{city:02}-yingjiju"),
            neighbours,
            comp,
            rng: seed.fork(index as u64 + 1),
            orgs: Vec::new(),
            org_names: HashMap::new(),
            posts: Vec::new(),
            contacts: Vec::new(),
            resources: Vec::new(),
            local_hazard: (String::new(), String::new()),
            local_metric: (String::new(), String::new()),
            towns: Vec::new(),
            villages: Vec::new(),
            enterprises: Vec::new(),
            plans: Vec::new(),
            acceptor: HashMap::new(),
            specs: &SPECS[..comp.specialised],
        }
    }

    fn id(&self, local: &str) -> String {
        format!("{}-{local}", self.prefix)
    }

    fn gov(&self) -> String {
        self.id("zf")
    }

    fn dept(&self, key: &str) -> String {
        self.id(key)
    }

    fn name_of(&self, org: &str) -> String {
        self.org_names.get(org).cloned().unwrap_or_default()
    }

    fn phone(&mut self) -> String {
        format!(
            "0{}-{}",
            800 + self.index % 100,
            5_000_000 + self.rng.below(4_000_000)
        )
    }

    fn add_org(&mut self, org: Org) {
        self.org_names.insert(org.id.clone(), org.name.clone());
        self.orgs.push(org);
    }

    fn add_post(&mut self, local: &str, title: String, org: &str) -> String {
        let id = self.id(&format!("p-{local}"));
        let holder = self.add_contact(org);
        let deputy = if self.rng.chance(40) {
            Some(self.add_contact(org))
        } else {
            None
        };
        self.posts.push(Post {
            id: id.clone(),
            title,
            org: org.to_owned(),
            holder,
            deputy,
        });
        id
    }

    fn add_contact(&mut self, org: &str) -> String {
        let id = self.id(&format!("c{:04}", self.contacts.len() + 1));
        let name = format!(
            "{}某{}",
            self.rng.pick(SURNAMES),
            ["", "某"][self.rng.below(2)]
        );
        let mobile = format!(
            "1{}{}-{:04}-{:04}",
            [3, 5, 8][self.rng.below(3)],
            self.rng.below(10),
            self.rng.below(10000),
            self.rng.below(10000)
        );
        self.contacts.push(Contact {
            id: id.clone(),
            name,
            org: org.to_owned(),
            mobile,
        });
        id
    }

    // -- registry ------------------------------------------------------------------------------

    /// Coordinates of a township seat: within 0.3 degrees of the county's centre, counties
    /// spread over a grid.
    fn seat(&mut self) -> (f64, f64) {
        let lat = 24.0 + (self.index % 20) as f64 * 0.6;
        let lon = 100.0 + (self.index / 20 % 20) as f64 * 0.7;
        let mut offset = || (self.rng.below(600) as f64 - 300.0) / 1000.0;
        (lat + offset(), lon + offset())
    }

    fn build_registry(&mut self) {
        let gov = self.gov();
        let county = self.name.clone();
        let phone = Some(self.phone());
        self.add_org(Org {
            id: gov.clone(),
            name: format!("{county}人民政府"),
            kind: "government",
            parent: Some(self.city_gov.clone()),
            phone,
            former: None,
            dissolved: None,
            at: None,
        });
        for &(key, suffix, kind) in DEPTS {
            let former = FORMER
                .iter()
                .find(|f| f.0 == key)
                .map(|f| (format!("{county}{}", f.1), f.2));
            let phone = if self.rng.chance(70) {
                Some(self.phone())
            } else {
                None
            };
            self.add_org(Org {
                id: self.dept(key),
                name: format!("{county}{suffix}"),
                kind,
                parent: Some(gov.clone()),
                phone,
                former,
                dissolved: None,
                at: None,
            });
        }
        self.add_org(Org {
            id: self.id("anweiban"),
            name: format!("{county}安全生产委员会办公室"),
            kind: "committee",
            parent: None,
            phone: None,
            former: None,
            dissolved: Some(("2019-03-15", self.dept("yingji"))),
            at: None,
        });

        // Townships, villages, enterprises.
        let mut taken = Vec::new();
        for t in 0..self.comp.townships {
            let short = place_name(&mut self.rng, &mut taken);
            let (name, org_name) = match self.rng.below(5) {
                0 => (format!("{short}街道"), format!("{short}街道办事处")),
                1 => (format!("{short}乡"), format!("{short}乡人民政府")),
                _ => (format!("{short}镇"), format!("{short}镇人民政府")),
            };
            let org = self.id(&format!("xz{:02}", t + 1));
            let phone = Some(self.phone());
            let seat = self.seat();
            self.add_org(Org {
                id: org.clone(),
                name: org_name.clone(),
                kind: "township",
                parent: Some(gov.clone()),
                phone,
                former: None,
                dissolved: None,
                at: Some(seat),
            });
            let head_post = self.add_post(
                &format!("xz{:02}-head", t + 1),
                format!("{name}应急指挥部指挥长"),
                &org,
            );
            self.towns.push(Town {
                org,
                name,
                villages: Vec::new(),
                enterprises: Vec::new(),
                shelters: Vec::new(),
                hazard_points: Vec::new(),
                team: String::new(),
                warehouse: String::new(),
                head_post,
            });
        }
        let mut village_names: Vec<Vec<String>> = vec![Vec::new(); self.towns.len()];
        for v in 0..self.comp.villages {
            let t = v % self.towns.len();
            let short = place_name(&mut self.rng, &mut village_names[t]);
            let n = self.towns[t].villages.len() + 1;
            let org = format!("{}-c{n:02}", self.towns[t].org);
            let name = if self.rng.chance(25) {
                format!("{}{short}社区居民委员会", self.towns[t].name)
            } else {
                format!("{}{short}村村民委员会", self.towns[t].name)
            };
            let parent = self.towns[t].org.clone();
            self.add_org(Org {
                id: org.clone(),
                name: name.clone(),
                kind: "village",
                parent: Some(parent),
                phone: None,
                former: None,
                dissolved: None,
                at: None,
            });
            self.towns[t].villages.push(self.villages.len());
            self.villages.push((org, name, t));
        }
        let mut ent_names = Vec::new();
        for e in 0..self.comp.enterprises {
            let t = (e * 7 + 3) % self.towns.len();
            let short = place_name(&mut self.rng, &mut ent_names);
            let (industry, hazard) = *self.rng.pick(INDUSTRIES);
            let org = self.id(&format!("qy{:02}", e + 1));
            let name = format!("{}{short}{industry}有限公司", self.name);
            let parent = self.towns[t].org.clone();
            let phone = Some(self.phone());
            self.add_org(Org {
                id: org.clone(),
                name: name.clone(),
                kind: "enterprise",
                parent: Some(parent),
                phone,
                former: None,
                dissolved: None,
                at: None,
            });
            self.towns[t].enterprises.push(self.enterprises.len());
            self.enterprises.push((org, name, t, hazard));
        }

        // Posts of the county.
        self.add_post("xianzhang", format!("{county}人民政府县长"), &gov);
        for d in 1..=3 {
            self.add_post(&format!("fxz{d}"), format!("{county}人民政府副县长"), &gov);
        }
        for spec in self.specs {
            let lead = self.dept(spec.lead);
            self.add_post(
                &format!("{}-zhz", spec.key),
                format!("{county}{}指挥部指挥长", spec.name),
                &gov,
            );
            self.add_post(
                &format!("{}-fzhz", spec.key),
                format!("{county}{}指挥部副指挥长", spec.name),
                &lead,
            );
        }
        for &(key, suffix, _) in DEPTS {
            let org = self.dept(key);
            self.add_post(
                &format!("{key}-head"),
                format!("{county}{suffix}主要负责人"),
                &org,
            );
            if self.rng.chance(50) {
                self.add_post(
                    &format!("{key}-duty"),
                    format!("{county}{suffix}值班员"),
                    &org,
                );
            }
        }
        for v in 0..self.villages.len() {
            let (org, name) = (self.villages[v].0.clone(), self.villages[v].1.clone());
            let local = org
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            self.add_post(&format!("{local}-head"), format!("{name}主任"), &org);
        }
        for e in 0..self.enterprises.len() {
            let (org, name) = (self.enterprises[e].0.clone(), self.enterprises[e].1.clone());
            let local = org
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            self.add_post(&format!("{local}-head"), format!("{name}总经理"), &org);
        }

        // Local hazard and metric.
        let river: String = [*self.rng.pick(PLACE), '河'].iter().collect();
        self.local_metric = (self.id("wl-main"), format!("{river}水文站超警戒水位"));
        self.local_hazard = (self.id("river-flood"), format!("{river}流域洪水"));

        // Resources.
        for (key, name, size) in [
            ("yingji", "综合应急救援大队", 60),
            ("xiaofang", "消防救援站", 86),
            ("linye", "森林消防专业扑火队", 40),
            ("shuili", "防汛抢险突击队", 50),
            ("weijian", "紧急医学救援队", 30),
            ("gongdian", "电力抢修队", 25),
            ("zhujian", "建筑工程抢险队", 35),
            ("jiaotong", "公路抢通队", 40),
        ] {
            let org = self.dept(key);
            let id = self.id(&format!("r-team-{key}"));
            let mut r = Resource::new(id, "team", format!("{county}{name}"), org.clone());
            r.size = Some(size + self.rng.below(20));
            r.contact = Some(self.add_contact(&org));
            self.resources.push(r);
        }
        for (key, name) in [
            ("yingji", "县级应急物资储备库"),
            ("fagai", "县级粮食应急储备库"),
        ] {
            let org = self.dept(key);
            let id = self.id(&format!("r-wh-{key}"));
            let mut r = Resource::new(id, "warehouse", format!("{county}{name}"), org);
            r.stock = vec![
                ("帐篷", 200 + self.rng.below(800), "顶"),
                ("折叠床", 500 + self.rng.below(1000), "张"),
                ("棉被", 1000 + self.rng.below(2000), "床"),
                ("救生衣", 300 + self.rng.below(500), "件"),
            ];
            self.resources.push(r);
        }
        for (i, (name, q)) in [("卫星电话", 12), ("大功率排水泵", 20), ("应急发电机", 15)]
            .iter()
            .enumerate()
        {
            let org = self.dept("yingji");
            let id = self.id(&format!("r-eq{}", i + 1));
            let mut r = Resource::new(id, "equipment", format!("{county}{name}"), org);
            r.quantity = Some(q + self.rng.below(10));
            self.resources.push(r);
        }
        for t in 0..self.towns.len() {
            let town = self.towns[t].org.clone();
            let tname = self.towns[t].name.clone();
            let local = town
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            let mut team = Resource::new(
                self.id(&format!("r-{local}-team")),
                "team",
                format!("{tname}应急救援队"),
                town.clone(),
            );
            team.size = Some(20 + self.rng.below(30));
            team.township = Some(town.clone());
            team.muster = Some(10 + self.rng.below(20));
            team.capabilities = "[rainstorm, flood, landslide, debris-flow, collapse]";
            team.contact = Some(self.add_contact(&town));
            self.towns[t].team = team.id.clone();
            self.resources.push(team);
            let mut wh = Resource::new(
                self.id(&format!("r-{local}-wh")),
                "warehouse",
                format!("{tname}应急物资储备点"),
                town.clone(),
            );
            wh.township = Some(town.clone());
            wh.stock = vec![
                ("帐篷", 20 + self.rng.below(80), "顶"),
                ("雨衣", 100 + self.rng.below(200), "件"),
            ];
            self.towns[t].warehouse = wh.id.clone();
            self.resources.push(wh);
            for s in 1..=self.rng.range(1, 2) {
                let mut shelter = Resource::new(
                    self.id(&format!("r-{local}-shelter{s}")),
                    "shelter",
                    format!("{tname}第{s}应急避难场所"),
                    town.clone(),
                );
                shelter.township = Some(town.clone());
                shelter.address = Some(format!("{tname}中心小学"));
                shelter.capacity = Some(200 + self.rng.below(1500));
                self.towns[t].shelters.push(shelter.id.clone());
                self.resources.push(shelter);
            }
            for h in 1..=self.rng.range(1, 3) {
                let hazard = ["landslide", "debris-flow", "collapse"][self.rng.below(3)];
                let mut hp = Resource::new(
                    self.id(&format!("r-{local}-hp{h}")),
                    "hazard-point",
                    format!("{tname}第{h}号地质灾害隐患点"),
                    town.clone(),
                );
                hp.township = Some(town.clone());
                hp.hazard = Some(hazard.to_owned());
                // Below the 100 people from which a point needs its own site plan (C107).
                hp.threatened = Some(10 + self.rng.below(90));
                self.towns[t].hazard_points.push(hp.id.clone());
                self.resources.push(hp);
            }
        }
        for m in 1..=3 {
            let t = self.rng.below(self.towns.len());
            let town = self.towns[t].org.clone();
            let mut r = Resource::new(
                self.id(&format!("r-monitor{m}")),
                "monitor",
                format!("{}雨量监测站", self.towns[t].name),
                self.dept("shuiwen"),
            );
            r.township = Some(town);
            r.hazard = Some("rainstorm".to_owned());
            self.resources.push(r);
        }
    }

    // -- plans ---------------------------------------------------------------------------------

    fn add_plan(&mut self, plan: Plan) -> usize {
        self.plans.push(plan);
        self.plans.len() - 1
    }

    fn set_parent(&mut self, child: usize, parent: usize) {
        let id = self.plans[parent].id.clone();
        let plan = &mut self.plans[child];
        if !plan.parent_ix.contains(&parent) {
            plan.parent_ix.push(parent);
            plan.parents.push(id);
        }
    }

    /// Assigns a duty in plan `from` to `org`; another organisation's plan accepts it.
    fn assign(&mut self, from: usize, org: &str, text: String, acceptor: Option<usize>) {
        let n = self.plans[from].duties.len() + 1;
        let local = org
            .strip_prefix(&format!("{}-", self.prefix))
            .unwrap_or(org)
            .to_owned();
        let id = format!("{local}-{n}");
        let post = if self.rng.chance(30) {
            self.posts
                .iter()
                .find(|p| p.org == org)
                .map(|p| p.id.clone())
        } else {
            None
        };
        let deadline = if self.rng.chance(60) {
            Some(*self.rng.pick(DEADLINES))
        } else {
            None
        };
        self.plans[from].duties.push(Duty {
            id: id.clone(),
            org: org.to_owned(),
            post,
            text: text.clone(),
            deadline,
        });
        if org == self.plans[from].owner {
            return;
        }
        let a = acceptor.unwrap_or_else(|| self.acceptor[org]);
        self.set_parent(a, from);
        let from_id = self.plans[from].id.clone();
        if self.plans[a].links.len() < 6 {
            let short: String = text.chars().take(12).collect();
            self.plans[a]
                .links
                .push((short, format!("plan:{from_id}#{id}")));
        }
        self.plans[a].accepts.push(Accept {
            plan: from_id,
            duty: id,
            as_duty: None,
        });
    }

    fn own_duties(&mut self, p: usize, count: usize) {
        let owner = self.plans[p].owner.clone();
        let topic = self.plans[p].topic.clone();
        for _ in 0..count {
            let text = duty_text(&mut self.rng, &topic);
            self.assign(p, &owner, text, None);
        }
    }

    fn build_plans(&mut self) {
        let county = self.name.clone();
        let gov = self.gov();
        let dirs = Kind::key;

        // The overall plan.
        let mut overall = Plan::new(
            self.id("overall"),
            Kind::Overall,
            format!("{county}突发事件总体应急预案"),
            gov.clone(),
            dirs(Kind::Overall),
        );
        overall.jurisdiction = Some(gov.clone());
        overall.hazards = self
            .specs
            .iter()
            .flat_map(|s| s.hazards.iter().map(|h| h.to_string()))
            .fold(Vec::new(), |mut v, h| {
                if !v.contains(&h) {
                    v.push(h);
                }
                v
            });
        overall.topic = "突发事件".to_owned();
        overall.hq = format!("{county}突发事件应急委员会");
        overall.office = self.name_of(&self.dept("yingji"));
        overall.head_post = Some(self.id("p-xianzhang"));
        let members: Vec<String> = DEPTS.iter().take(30).map(|d| self.dept(d.0)).collect();
        overall.command = Some(Command {
            hq: overall.hq.clone(),
            commander: Some(self.id("p-xianzhang")),
            deputies: (1..=3).map(|d| self.id(&format!("p-fxz{d}"))).collect(),
            office: Some(self.dept("yingji")),
            members: members.clone(),
            groups: self.groups(&members, 8),
        });
        overall.resources = self
            .resources
            .iter()
            .filter(|r| {
                matches!(r.kind, "team" | "warehouse" | "equipment") && r.township.is_none()
            })
            .map(|r| r.id.clone())
            .collect();
        let overall = self.add_plan(overall);

        // Specialised plans.
        let mut spec_ix = Vec::new();
        for spec in self.specs {
            let lead = self.dept(spec.lead);
            let mut plan = Plan::new(
                self.id(&format!("zx-{}", spec.key)),
                Kind::Specialised,
                format!("{county}{}应急预案", spec.name),
                lead.clone(),
                dirs(Kind::Specialised),
            );
            plan.jurisdiction = Some(gov.clone());
            plan.hazards = spec.hazards.iter().map(|h| h.to_string()).collect();
            if spec.key == "flood" {
                plan.hazards.push(self.local_hazard.0.clone());
            }
            plan.topic = spec.name.to_owned();
            plan.hq = format!("{county}{}指挥部", spec.name);
            plan.office = self.name_of(&lead);
            plan.head_post = Some(self.id(&format!("p-{}-zhz", spec.key)));
            let members: Vec<String> = spec
                .members
                .iter()
                .filter(|m| DEPTS.iter().position(|d| d.0 == **m).unwrap() < self.comp.departmental)
                .map(|m| self.dept(m))
                .collect();
            plan.command = Some(Command {
                hq: plan.hq.clone(),
                commander: Some(self.id(&format!("p-{}-zhz", spec.key))),
                deputies: vec![self.id(&format!("p-{}-fzhz", spec.key))],
                office: Some(lead.clone()),
                members: members.clone(),
                groups: self.groups(&members, 5),
            });
            plan.resources = self
                .resources
                .iter()
                .filter(|r| r.township.is_none())
                .map(|r| r.id.clone())
                .take(3 + self.rng.below(6))
                .collect();
            let ix = self.add_plan(plan);
            self.set_parent(ix, overall);
            spec_ix.push(ix);
        }

        // Departmental plans.
        for &(key, suffix, _) in &DEPTS[..self.comp.departmental] {
            let org = self.dept(key);
            let name = format!("{county}{suffix}");
            let mut plan = Plan::new(
                self.id(&format!("bm-{key}")),
                Kind::Departmental,
                format!("{name}突发事件应急预案"),
                org.clone(),
                dirs(Kind::Departmental),
            );
            plan.jurisdiction = Some(gov.clone());
            plan.topic = "本部门职责范围内突发事件".to_owned();
            plan.hq = format!("{name}应急工作领导小组");
            plan.office = name.clone();
            plan.head_post = Some(self.id(&format!("p-{key}-head")));
            plan.command = Some(Command {
                hq: plan.hq.clone(),
                commander: plan.head_post.clone(),
                deputies: Vec::new(),
                office: Some(org.clone()),
                members: Vec::new(),
                groups: Vec::new(),
            });
            let ix = self.add_plan(plan);
            self.set_parent(ix, overall);
            self.acceptor.insert(org, ix);
        }

        // Township plans.
        let mut town_ix = Vec::new();
        for t in 0..self.towns.len() {
            let town = &self.towns[t];
            let local = town
                .org
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            let mut plan = Plan::new(
                self.id(&format!("{local}-plan")),
                Kind::Township,
                format!("{}突发事件总体应急预案", town.name),
                town.org.clone(),
                dirs(Kind::Township),
            );
            plan.jurisdiction = Some(town.org.clone());
            plan.hazards = vec![
                "rainstorm".into(),
                "flood".into(),
                "landslide".into(),
                "debris-flow".into(),
                "collapse".into(),
                "fire".into(),
            ];
            plan.topic = "各类突发事件".to_owned();
            plan.hq = format!("{}应急指挥部", town.name);
            plan.office = self.name_of(&town.org);
            plan.head_post = Some(town.head_post.clone());
            let members: Vec<String> = town
                .villages
                .iter()
                .map(|&v| self.villages[v].0.clone())
                .collect();
            plan.command = Some(Command {
                hq: plan.hq.clone(),
                commander: Some(town.head_post.clone()),
                deputies: Vec::new(),
                office: Some(town.org.clone()),
                members,
                groups: Vec::new(),
            });
            plan.resources = std::iter::once(town.team.clone())
                .chain(std::iter::once(town.warehouse.clone()))
                .chain(town.shelters.iter().cloned())
                .chain(town.hazard_points.iter().cloned())
                .collect();
            let org = town.org.clone();
            let ix = self.add_plan(plan);
            self.set_parent(ix, overall);
            self.acceptor.insert(org, ix);
            town_ix.push(ix);
        }

        // Village plans.
        for v in 0..self.villages.len() {
            let (org, name, t) = self.villages[v].clone();
            let local = org
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            let short = name
                .trim_end_matches("村民委员会")
                .trim_end_matches("居民委员会")
                .to_owned();
            let mut plan = Plan::new(
                self.id(&format!("{local}-plan")),
                Kind::Village,
                format!("{short}突发事件应急预案"),
                org.clone(),
                dirs(Kind::Village),
            );
            plan.topic = "自然灾害和安全事故".to_owned();
            plan.hq = format!("{short}应急工作组");
            plan.office = self.name_of(&self.towns[t].org);
            plan.head_post = Some(self.id(&format!("p-{local}-head")));
            plan.resources = self.towns[t].shelters.clone();
            let ix = self.add_plan(plan);
            self.set_parent(ix, town_ix[t]);
            self.acceptor.insert(org, ix);
        }

        // Enterprise plans.
        let mut ent_ix = Vec::new();
        for e in 0..self.enterprises.len() {
            let (org, name, t, hazard) = self.enterprises[e].clone();
            let local = org
                .strip_prefix(&format!("{}-", self.prefix))
                .unwrap()
                .to_owned();
            let mut plan = Plan::new(
                self.id(&format!("{local}-plan")),
                Kind::Enterprise,
                format!("{name}生产安全事故应急预案"),
                org.clone(),
                dirs(Kind::Enterprise),
            );
            plan.hazards = vec![hazard.to_owned()];
            plan.topic = "生产安全事故".to_owned();
            plan.hq = format!("{name}应急救援指挥部");
            plan.office = name.clone();
            plan.head_post = Some(self.id(&format!("p-{local}-head")));
            plan.command = Some(Command {
                hq: plan.hq.clone(),
                commander: plan.head_post.clone(),
                deputies: Vec::new(),
                office: None,
                members: Vec::new(),
                groups: Vec::new(),
            });
            plan.resources = vec![self.towns[t].shelters[0].clone()];
            let ix = self.add_plan(plan);
            self.set_parent(ix, town_ix[t]);
            self.acceptor.insert(org, ix);
            ent_ix.push(ix);
        }

        // Site plans: half for enterprises, half for the townships' hazard points.
        for s in 0..self.comp.sites {
            let by_enterprise = !ent_ix.is_empty() && s % 2 == 0;
            let (parent, owner, title, resource) = if by_enterprise {
                let e = (s / 2) % ent_ix.len();
                let (org, name, _, _) = self.enterprises[e].clone();
                let what = ["危险作业", "有限空间作业", "配电房火灾", "储罐泄漏"][s % 4];
                (ent_ix[e], org, format!("{name}{what}现场处置方案"), None)
            } else {
                let t = (s / 2) % self.towns.len();
                let town = &self.towns[t];
                let hp = town.hazard_points[(s / 2 / self.towns.len()) % town.hazard_points.len()]
                    .clone();
                let name = self
                    .resources
                    .iter()
                    .find(|r| r.id == hp)
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                (
                    town_ix[t],
                    town.org.clone(),
                    format!("{name}现场处置方案"),
                    Some(hp),
                )
            };
            let mut plan = Plan::new(
                self.id(&format!("site{:03}", s + 1)),
                Kind::Site,
                title,
                owner.clone(),
                dirs(Kind::Site),
            );
            plan.topic = "现场突发险情".to_owned();
            plan.hq = "现场应急处置小组".to_owned();
            plan.office = self.name_of(&owner);
            plan.head_post = self.plans[parent].head_post.clone();
            plan.resources = resource.into_iter().collect();
            let ix = self.add_plan(plan);
            self.set_parent(ix, parent);
        }

        // The joint plan.
        if self.comp.joint > 0 {
            let mut plan = Plan::new(
                self.id("joint"),
                Kind::Joint,
                format!("{county}与周边地区跨区域突发事件联合应急预案"),
                gov.clone(),
                dirs(Kind::Joint),
            );
            plan.neighbours = self.neighbours.clone();
            plan.hazards = vec![
                "rainstorm".into(),
                "forest-fire".into(),
                "road-traffic".into(),
            ];
            plan.topic = "跨区域突发事件".to_owned();
            plan.hq = "跨区域应急联动协调小组".to_owned();
            plan.office = self.name_of(&self.dept("yingji"));
            plan.head_post = Some(self.id("p-fxz1"));
            let ix = self.add_plan(plan);
            self.set_parent(ix, overall);
        }

        // Duties across plans: overall -> specialised leads, townships, departments.
        for (s, &ix) in spec_ix.iter().enumerate() {
            let spec = &self.specs[s];
            let lead = self.dept(spec.lead);
            let text = format!(
                "牵头负责{}工作，承担{}指挥部办公室日常工作",
                spec.name, spec.name
            );
            self.assign(overall, &lead, text, Some(ix));
        }
        for t in 0..self.towns.len() {
            let org = self.towns[t].org.clone();
            let text = "负责本辖区突发事件的先期处置、信息报告和群众转移安置".to_owned();
            self.assign(overall, &org, text, None);
        }
        let extra: Vec<String> = self
            .rng
            .sample(&DEPTS[19..self.comp.departmental.max(19)], 4)
            .iter()
            .map(|d| self.dept(d.0))
            .collect();
        for org in extra {
            let text = duty_text(&mut self.rng, "突发事件应对");
            self.assign(overall, &org, text, None);
        }

        // Specialised plans -> member departments, townships, enterprises.
        for (s, &ix) in spec_ix.iter().enumerate() {
            let spec = &self.specs[s];
            let members = self.plans[ix].command.as_ref().unwrap().members.clone();
            let mut budget = self.rng.range(10, 40);
            for m in &members {
                if budget == 0 {
                    break;
                }
                for _ in 0..self.rng.range(1, 2).min(budget) {
                    let text = duty_text(&mut self.rng, spec.name);
                    self.assign(ix, m, text, None);
                    budget -= 1;
                }
            }
            let own = self.rng.range(2, 4);
            self.own_duties(ix, own);
            budget = budget.saturating_sub(own);
            if spec.warns || spec.key == "relief" {
                let towns: Vec<String> = self.rng.sample(
                    &self.towns.iter().map(|t| t.org.clone()).collect::<Vec<_>>(),
                    budget,
                );
                for org in towns {
                    let text = format!(
                        "组织本辖区{}隐患排查、预警信息传递和受威胁群众转移避险",
                        spec.name
                    );
                    self.assign(ix, &org, text, None);
                }
            }
            if matches!(
                spec.key,
                "safety" | "hazmat" | "fire" | "gas" | "special-equipment"
            ) {
                let ents: Vec<String> = self
                    .enterprises
                    .iter()
                    .filter(|e| spec.hazards.contains(&e.3) || spec.key == "safety")
                    .map(|e| e.0.clone())
                    .take(6)
                    .collect();
                for org in ents {
                    let text = format!("落实{}防范措施，发生险情立即报告并开展先期处置", spec.name);
                    self.assign(ix, &org, text, None);
                }
            }
        }

        // Township plans -> villages and enterprises in the township.
        for (t, &ix) in town_ix.iter().enumerate() {
            let villages: Vec<String> = self.towns[t]
                .villages
                .iter()
                .map(|&v| self.villages[v].0.clone())
                .collect();
            for org in villages {
                self.assign(
                    ix,
                    &org,
                    "接到预警后通过大喇叭、铜锣等方式逐户通知群众".into(),
                    None,
                );
                self.assign(
                    ix,
                    &org,
                    "组织受威胁群众按既定路线转移至安置点".into(),
                    None,
                );
            }
            let ents: Vec<String> = self.towns[t]
                .enterprises
                .iter()
                .map(|&e| self.enterprises[e].0.clone())
                .collect();
            for org in ents {
                self.assign(
                    ix,
                    &org,
                    "发生事故后立即报告镇政府并组织本单位先期处置".into(),
                    None,
                );
            }
            let own = self.rng.range(3, 8);
            self.own_duties(ix, own);
        }

        // Own duties for everyone else.
        for p in 0..self.plans.len() {
            let count = match self.plans[p].kind {
                Kind::Overall => 0,
                Kind::Specialised | Kind::Township => 0,
                Kind::Departmental => self.rng.range(6, 16),
                Kind::Village => self.rng.range(3, 6),
                Kind::Enterprise => self.rng.range(5, 10),
                Kind::Site => self.rng.range(3, 5),
                Kind::Joint => self.rng.range(4, 8),
            };
            self.own_duties(p, count);
        }

        // Levels, in order: every plan's parents come before it.
        for p in 0..self.plans.len() {
            self.levels(p);
        }

        // `as`: some acceptances name the accepting plan's own duty that carries them out.
        for p in 0..self.plans.len() {
            let own: Vec<String> = self.plans[p]
                .duties
                .iter()
                .filter(|d| d.org == self.plans[p].owner)
                .map(|d| d.id.clone())
                .collect();
            if own.is_empty() {
                continue;
            }
            for a in 0..self.plans[p].accepts.len() {
                if self.rng.chance(25) {
                    self.plans[p].accepts[a].as_duty = Some(self.rng.pick(&own).clone());
                }
            }
        }
        // Links to parents in every body.
        for p in 0..self.plans.len() {
            let parents: Vec<(String, String)> = self.plans[p]
                .parent_ix
                .iter()
                .map(|&q| {
                    (
                        self.plans[q].title.clone(),
                        format!("plan:{}", self.plans[q].id),
                    )
                })
                .collect();
            self.plans[p].links.splice(0..0, parents);
        }
    }

    fn groups(&mut self, members: &[String], n: usize) -> Vec<Group> {
        if members.is_empty() {
            return Vec::new();
        }
        self.rng
            .sample(GROUPS, n)
            .into_iter()
            .map(|(id, name)| {
                let lead = self.rng.pick(members).clone();
                let others: Vec<String> = self
                    .rng
                    .sample(members, 3)
                    .into_iter()
                    .filter(|m| *m != lead)
                    .collect();
                Group {
                    id,
                    name,
                    lead,
                    members: others,
                    task: format!(
                        "负责{}相关工作，及时向指挥部报告工作进展",
                        name.trim_end_matches('组')
                    ),
                }
            })
            .collect()
    }

    /// Warning and response levels: the overall plan's are fixed; every other plan takes levels
    /// and thresholds (never looser) from its parents.
    fn levels(&mut self, p: usize) {
        let kind = self.plans[p].kind;
        let own: Vec<(String, String)> = self.plans[p]
            .duties
            .iter()
            .map(|d| (d.org.clone(), d.id.clone()))
            .collect();
        let head = self.plans[p].head_post.clone();
        let mut response = Vec::new();
        let mut warning = Vec::new();
        match kind {
            Kind::Overall => {
                for i in 0..4 {
                    let criteria = OVERALL_CRITERIA
                        .iter()
                        .map(|(metric, text, values)| Crit {
                            text: text.replace("{v}", &number(values[i])),
                            metric: Some((*metric).to_owned()),
                            hazard: None,
                            at_least: Some(values[i]),
                        })
                        .collect();
                    response.push(Level {
                        index: i,
                        commander: if i < 2 {
                            head.clone()
                        } else {
                            Some(self.id(&format!("p-fxz{}", i - 1)))
                        },
                        criteria,
                        actions: Vec::new(),
                    });
                }
                for (i, (_, colour)) in WARNING.iter().enumerate() {
                    warning.push(Level {
                        index: i,
                        commander: None,
                        criteria: vec![Crit {
                            text: format!("气象、水文、自然资源等部门发布{colour}预警信息"),
                            metric: None,
                            hazard: None,
                            at_least: None,
                        }],
                        actions: Vec::new(),
                    });
                }
            }
            Kind::Specialised => {
                let s = self
                    .specs
                    .iter()
                    .position(|s| self.plans[p].id == self.id(&format!("zx-{}", s.key)))
                    .unwrap();
                let spec = &self.specs[s];
                let (metric, hazard, values) = spec.metric;
                let unit = METRICS.iter().find(|m| m.0 == metric).unwrap();
                let first = if self.rng.chance(30) { 1 } else { 0 };
                for i in first..4 {
                    let mut criteria = vec![Crit {
                        text: format!("{}达到{}{}以上", unit.1, number(values[i]), unit.2),
                        metric: Some(metric.to_owned()),
                        hazard: hazard.map(str::to_owned),
                        at_least: Some(values[i]),
                    }];
                    let (m, text, v) = OVERALL_CRITERIA[0];
                    criteria.push(Crit {
                        text: text.replace("{v}", &number(v[i])),
                        metric: Some(m.to_owned()),
                        hazard: None,
                        at_least: Some(v[i]),
                    });
                    if spec.key == "flood" {
                        let v = [3.0, 2.0, 1.0, 0.5][i];
                        criteria.push(Crit {
                            text: format!("{}{}米以上", self.local_metric.1, number(v)),
                            metric: Some(self.local_metric.0.clone()),
                            hazard: Some(self.local_hazard.0.clone()),
                            at_least: Some(v),
                        });
                    }
                    response.push(Level {
                        index: i,
                        commander: if i < 2 {
                            head.clone()
                        } else {
                            Some(self.id(&format!("p-{}-fzhz", spec.key)))
                        },
                        criteria,
                        actions: Vec::new(),
                    });
                }
                if spec.warns {
                    for (i, (_, colour)) in WARNING.iter().enumerate() {
                        warning.push(Level {
                            index: i,
                            commander: None,
                            criteria: vec![Crit {
                                text: format!("发布{}{colour}预警", spec.name),
                                metric: None,
                                hazard: None,
                                at_least: None,
                            }],
                            actions: Vec::new(),
                        });
                    }
                }
            }
            _ => {
                let wanted: &[usize] = match kind {
                    Kind::Departmental | Kind::Joint => {
                        [&[2, 3][..], &[3], &[1, 2, 3]][self.rng.below(3)]
                    }
                    Kind::Township => [&[2, 3][..], &[1, 2, 3]][self.rng.below(2)],
                    Kind::Enterprise => [&[2, 3][..], &[3]][self.rng.below(2)],
                    _ => &[3],
                };
                // The levels follow one parent with response levels, as a plan follows the
                // grading of the plan it derives from (mixing parents leaves gaps: L209).
                let parents = self.plans[p].parent_ix.clone();
                let with: Vec<usize> = parents
                    .iter()
                    .copied()
                    .filter(|&q| !self.plans[q].response.is_empty())
                    .collect();
                let followed = (!with.is_empty()).then(|| *self.rng.pick(&with));
                for &i in wanted.iter().chain(&[3]) {
                    // Copy the parent's criteria for this level.
                    let Some(level) =
                        followed.and_then(|q| self.plans[q].response.iter().find(|l| l.index == i))
                    else {
                        continue;
                    };
                    // A criterion for a hazard this plan does not cover is not copied (L205).
                    let covered = &self.plans[p].hazards;
                    let theirs: Vec<Crit> = level
                        .criteria
                        .iter()
                        .filter(|c| c.hazard.as_ref().is_none_or(|h| covered.contains(h)))
                        .filter(|c| c.metric.as_deref().is_none_or(|m| grades(m, covered)))
                        .cloned()
                        .collect();
                    let criteria: Vec<Crit> = theirs
                        .iter()
                        .map(|c| {
                            let mut c = c.clone();
                            // A stricter child is allowed: sometimes halve the threshold.
                            if let Some(v) = c.at_least
                                && i == 3
                                && v >= 2.0
                                && v.fract() == 0.0
                                && self.rng.chance(30)
                            {
                                c.at_least = Some((v / 2.0).floor());
                                c.text = format!(
                                    "{}（本级从严掌握为{}）",
                                    c.text,
                                    number((v / 2.0).floor())
                                );
                            }
                            c
                        })
                        .collect();
                    response.push(Level {
                        index: i,
                        commander: head.clone(),
                        criteria,
                        actions: Vec::new(),
                    });
                }
                let colours: Vec<usize> = (0..4)
                    .filter(|&i| {
                        parents
                            .iter()
                            .any(|&q| self.plans[q].warning.iter().any(|l| l.index == i))
                    })
                    .collect();
                if !colours.is_empty() && !matches!(kind, Kind::Site) {
                    let n = self.rng.range(1, colours.len());
                    let mut chosen = self.rng.sample(&colours, n);
                    chosen.sort_unstable();
                    for i in chosen {
                        warning.push(Level {
                            index: i,
                            commander: None,
                            criteria: vec![Crit {
                                text: format!("收到上级发布的{}预警信息", WARNING[i].1),
                                metric: None,
                                hazard: None,
                                at_least: None,
                            }],
                            actions: Vec::new(),
                        });
                    }
                }
            }
        }
        // Actions: carried out by the plan's duties; work given to another organisation always
        // cites its duty (L304).
        let owner = self.plans[p].owner.clone();
        for level in response.iter_mut().chain(warning.iter_mut()) {
            if own.is_empty() {
                break;
            }
            let n = self.rng.range(1, 4).min(own.len());
            for (org, duty) in self.rng.sample(&own, n) {
                let what = action_text(&mut self.rng);
                let within = if self.rng.chance(70) {
                    Some(*self.rng.pick(DEADLINES))
                } else {
                    None
                };
                let cites = org != owner || self.rng.chance(70);
                level.actions.push(Action {
                    org,
                    duty: if cites { Some(duty) } else { None },
                    what,
                    within,
                });
            }
        }
        self.plans[p].response = response;
        self.plans[p].warning = warning;
    }
}

/// Whether a metric may grade a plan that covers these hazards: it is a general measure (no
/// hazard lists it), or one of the hazards lists it (L206).
fn grades(metric: &str, covered: &[String]) -> bool {
    let listing = HAZARDS.iter().filter(|h| h.4.contains(&metric));
    let mut listing = listing.peekable();
    listing.peek().is_none() || listing.any(|h| covered.iter().any(|c| c == h.0))
}

fn duty_text(rng: &mut Rng, topic: &str) -> String {
    const VERBS: &[&str] = &[
        "负责",
        "牵头组织",
        "配合做好",
        "组织开展",
        "协助",
        "统筹协调",
        "指导督促",
    ];
    const OBJECTS: &[&str] = &[
        "监测预警信息的收集、分析和报送",
        "应急救援队伍和物资的调度",
        "受威胁群众的转移避险和临时安置",
        "现场警戒、交通管制和治安维护",
        "伤病员救治和卫生防疫",
        "通信、电力、供水等基础设施的抢修",
        "救灾资金的筹措和拨付",
        "事件信息的发布和舆情引导",
        "次生衍生灾害的排查和防范",
        "事后调查评估和恢复重建",
        "隐患排查整治和风险管控",
        "应急物资的储备、调拨和发放",
    ];
    format!("{}{}{}", rng.pick(VERBS), topic, rng.pick(OBJECTS))
}

fn action_text(rng: &mut Rng) -> String {
    const ACTIONS: &[&str] = &[
        "派出工作组赴现场指导处置",
        "加密监测频次，每小时报告一次",
        "组织应急队伍集结待命",
        "启动应急物资调拨程序",
        "组织危险区域群众转移",
        "实施交通管制，开辟应急通道",
        "开放应急避难场所",
        "向社会发布预警和避险提示",
        "组织专家会商研判",
        "落实二十四小时值班值守",
    ];
    rng.pick(ACTIONS).to_string()
}

// ---------------------------------------------------------------------------------------------
// Writing YAML and Markdown.

/// A YAML scalar: plain when safe, double-quoted otherwise.
fn q(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\t', ',', '[', ']', '{', '}'])
        && !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e')
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~"
        );
    if plain {
        s.to_owned()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

fn date(rng: &mut Rng, year: usize) -> String {
    format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28))
}

fn write_crit(out: &mut String, c: &Crit, flow: bool) {
    if flow {
        let mut parts = vec![format!("text: {}", q(&c.text))];
        if let Some(m) = &c.metric {
            parts.push(format!("metric: {m}"));
        }
        if let Some(h) = &c.hazard {
            parts.push(format!("hazard: {h}"));
        }
        if let Some(v) = c.at_least {
            parts.push(format!("at_least: {}", number(v)));
        }
        let _ = writeln!(out, "      - {{ {} }}", parts.join(", "));
    } else {
        let _ = writeln!(out, "      - text: {}", q(&c.text));
        if let Some(m) = &c.metric {
            let _ = writeln!(out, "        metric: {m}");
        }
        if let Some(h) = &c.hazard {
            let _ = writeln!(out, "        hazard: {h}");
        }
        if let Some(v) = c.at_least {
            let _ = writeln!(out, "        at_least: {}", number(v));
        }
    }
}

fn write_level(out: &mut String, level: &Level, response: bool, rng: &mut Rng) {
    if response {
        // ASCII only: the loader also accepts Ⅰ-Ⅳ, but schemas/plan.schema.json does not list
        // them, and benches/compare-jsonschema.sh validates these files against it.
        let (ascii, name) = RESPONSE[level.index];
        let _ = writeln!(out, "  - level: {ascii}");
        let _ = writeln!(out, "    name: {name}");
        if let Some(c) = &level.commander {
            let _ = writeln!(out, "    commander: {c}");
        }
    } else {
        let _ = writeln!(out, "  - level: {}", WARNING[level.index].0);
    }
    if !level.criteria.is_empty() {
        out.push_str("    criteria:\n");
        let flow = rng.chance(50);
        for c in &level.criteria {
            write_crit(out, c, flow);
        }
    }
    if !level.actions.is_empty() {
        out.push_str("    actions:\n");
        for a in &level.actions {
            let _ = writeln!(out, "      - org: {}", a.org);
            if let Some(d) = &a.duty {
                let _ = writeln!(out, "        duty: {d}");
            }
            let _ = writeln!(out, "        do: {}", q(&a.what));
            if let Some(w) = a.within {
                let _ = writeln!(out, "        within: {w}");
            }
        }
    }
}

fn front_matter(plan: &Plan, county: &County, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("---\n");
    let _ = writeln!(out, "id: {}", plan.id);
    let _ = writeln!(out, "kind: {}", plan.kind.key());
    let _ = writeln!(out, "title: {}", q(&plan.title));
    let _ = writeln!(out, "owner: {}", plan.owner);
    if let Some(j) = &plan.jurisdiction {
        let _ = writeln!(out, "jurisdiction: {j}");
    }
    if !plan.parents.is_empty() {
        let _ = writeln!(out, "parents: {}", list(&plan.parents));
    }
    if !plan.hazards.is_empty() {
        let _ = writeln!(out, "hazards: {}", list(&plan.hazards));
    }
    if let Some(c) = &plan.command {
        out.push_str("command:\n");
        let _ = writeln!(out, "  hq: {}", q(&c.hq));
        if let Some(p) = &c.commander {
            let _ = writeln!(out, "  commander: {p}");
        }
        if !c.deputies.is_empty() {
            let _ = writeln!(out, "  deputies: {}", list(&c.deputies));
        }
        if let Some(o) = &c.office {
            let _ = writeln!(out, "  office: {o}");
        }
        if !c.members.is_empty() {
            let _ = writeln!(out, "  members: {}", list(&c.members));
        }
        if !c.groups.is_empty() {
            out.push_str("  groups:\n");
            for g in &c.groups {
                let _ = writeln!(out, "    - id: {}", g.id);
                let _ = writeln!(out, "      name: {}", g.name);
                let _ = writeln!(out, "      lead: {}", g.lead);
                if !g.members.is_empty() {
                    let _ = writeln!(out, "      members: {}", list(&g.members));
                }
                let _ = writeln!(out, "      task: {}", q(&g.task));
            }
        }
    }
    if !plan.duties.is_empty() {
        out.push_str("duties:\n");
        for d in &plan.duties {
            let _ = writeln!(out, "  - id: {}", d.id);
            let _ = writeln!(out, "    org: {}", d.org);
            if let Some(p) = &d.post {
                let _ = writeln!(out, "    post: {p}");
            }
            let _ = writeln!(out, "    text: {}", q(&d.text));
            if let Some(dl) = d.deadline {
                let _ = writeln!(out, "    deadline: {dl}");
            }
        }
    }
    if !plan.accepts.is_empty() {
        out.push_str("accepts:\n");
        for a in &plan.accepts {
            match &a.as_duty {
                Some(own) => {
                    let _ = writeln!(
                        out,
                        "  - {{ plan: {}, duty: {}, as: {own} }}",
                        a.plan, a.duty
                    );
                }
                None => {
                    let _ = writeln!(out, "  - {{ plan: {}, duty: {} }}", a.plan, a.duty);
                }
            }
        }
    }
    if !plan.warning.is_empty() {
        out.push_str("warning:\n");
        for l in &plan.warning {
            write_level(&mut out, l, false, rng);
        }
    }
    if !plan.response.is_empty() {
        out.push_str("response:\n");
        for l in &plan.response {
            write_level(&mut out, l, true, rng);
        }
    }
    if !plan.resources.is_empty() {
        let _ = writeln!(out, "resources: {}", list(&plan.resources));
    }
    if !plan.neighbours.is_empty() {
        let _ = writeln!(out, "neighbours: {}", list(&plan.neighbours));
    }
    // Lifecycle: issued between 2021 and 2025, filed within the 20 working days, assessed
    // in 2026 (the sample's `as_of` is 2026-12-01).
    let year = 2021 + rng.below(5);
    let approver = match plan.kind {
        Kind::Overall | Kind::Specialised | Kind::Joint => county.gov(),
        _ => plan.owner.clone(),
    };
    let filed_with = match plan.kind {
        Kind::Overall | Kind::Specialised | Kind::Joint => county.city_yingji.clone(),
        Kind::Village => county.plans[plan.parent_ix[0]].owner.clone(),
        _ => county.dept("yingji"),
    };
    out.push_str("lifecycle:\n");
    let _ = writeln!(out, "  version: \"{year}.{}\"", rng.range(1, 3));
    let (month, day) = (rng.range(1, 6), rng.range(1, 14));
    let _ = writeln!(out, "  issued: {year}-{month:02}-{day:02}");
    let _ = writeln!(out, "  approved_by: {approver}");
    let _ = writeln!(
        out,
        "  filed: {{ date: {year}-{month:02}-{:02}, with: {filed_with} }}",
        day + rng.range(3, 14)
    );
    let _ = writeln!(
        out,
        "  assessed: {}",
        date(rng, 2026).replacen("2026-12", "2026-11", 1)
    );
    out.push_str("  revisions:\n");
    let first = year - rng.below(6);
    let _ = writeln!(
        out,
        "    - {{ version: \"{first}.1\", date: {}, trigger: initial, summary: 首次印发 }}",
        date(rng, first)
    );
    if first < year {
        let (trigger, summary) = *rng.pick(&[
            ("law", "根据新修订的突发事件应对法调整相关内容"),
            ("command", "根据机构改革调整指挥部成员单位及职责"),
            ("risk", "根据风险评估结果调整预警和响应分级"),
            ("resources", "更新应急队伍和物资储备信息"),
            ("drill", "根据应急演练发现的问题完善处置流程"),
        ]);
        let _ = writeln!(
            out,
            "    - {{ version: \"{year}.1\", date: {}, trigger: {trigger}, summary: {summary} }}",
            date(rng, year)
        );
    }
    out.push_str("---\n");
    out
}

fn fill(template: &str, plan: &Plan, county: &County) -> String {
    template
        .replace("{county}", &county.name)
        .replace("{owner}", &county.name_of(&plan.owner))
        .replace("{topic}", &plan.topic)
        .replace("{hq}", &plan.hq)
        .replace("{office}", &plan.office)
}

fn body(plan: &Plan, county: &County, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(6000);
    let _ = writeln!(out, "\n# {}\n", plan.title);
    let style = rng.below(3);
    const ZH_NUM: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut links = plan.links.iter();
    let chapters = plan.kind.chapters();
    // Leaf plans are shorter than county plans.
    let paragraphs = match plan.kind {
        Kind::Overall | Kind::Specialised => (2, 4),
        Kind::Departmental | Kind::Township | Kind::Joint | Kind::Enterprise => (1, 3),
        Kind::Village | Kind::Site => (1, 2),
    };
    for (n, (heading, bank)) in chapters.iter().enumerate() {
        let _ = match style {
            0 => writeln!(out, "## {} {heading}\n", n + 1),
            1 => writeln!(out, "## {}、{heading}\n", ZH_NUM[n % ZH_NUM.len()]),
            _ => writeln!(out, "## {heading}\n"),
        };
        let count = rng.range(paragraphs.0, paragraphs.1);
        for k in 0..count {
            if count > 1 && matches!(plan.kind, Kind::Overall | Kind::Specialised) {
                let _ = writeln!(out, "### {}.{} {}\n", n + 1, k + 1, heading);
            }
            let sentences = rng.range(2, 5);
            for s in rng.sample(bank, sentences) {
                out.push_str(&fill(s, plan, county));
            }
            if let Some((text, target)) = links.next() {
                let _ = write!(out, "具体按照[{text}]({target})的要求执行。");
            }
            out.push_str("\n\n");
        }
        if n == 1 && !plan.duties.is_empty() {
            for d in plan.duties.iter().take(8) {
                let _ = writeln!(out, "- {}：{}。", county.name_of(&d.org), d.text);
            }
            out.push('\n');
        }
    }
    for (text, target) in links {
        let _ = writeln!(out, "- 相关：[{text}]({target})");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Registry files.

fn organisations_yaml(county: &County) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(
        out,
        "# {}：组织机构（合成数据）\norganisations:",
        county.name
    );
    for o in &county.orgs {
        let _ = writeln!(out, "  - id: {}", o.id);
        let _ = writeln!(out, "    name: {}", q(&o.name));
        let _ = writeln!(out, "    kind: {}", o.kind);
        if let Some(p) = &o.parent {
            let _ = writeln!(out, "    parent: {p}");
        }
        if let Some(p) = &o.phone {
            let _ = writeln!(out, "    duty_phone: {p}");
        }
        if let Some((lat, lon)) = o.at {
            let _ = writeln!(out, "    at: {{ lat: {lat:.3}, lon: {lon:.3} }}");
        }
        if let Some((name, until)) = &o.former {
            let _ = writeln!(
                out,
                "    former_names:\n      - {{ name: {}, until: {until} }}",
                q(name)
            );
        }
        if let Some((date, successor)) = &o.dissolved {
            let _ = writeln!(
                out,
                "    dissolved: {{ date: {date}, successor: {successor} }}"
            );
        }
    }
    out
}

fn resources_yaml(county: &County) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(
        out,
        "# {}：本地灾种、指标和应急资源（合成数据）",
        county.name
    );
    let _ = writeln!(
        out,
        "hazards:\n  - id: {}\n    name: {}\n    category: natural\n    triggers: [flood, landslide]\n    metrics: [{}]",
        county.local_hazard.0, county.local_hazard.1, county.local_metric.0
    );
    let _ = writeln!(
        out,
        "metrics:\n  - {{ id: {}, name: {}, unit: m }}",
        county.local_metric.0, county.local_metric.1
    );
    out.push_str("resources:\n");
    for r in &county.resources {
        let _ = writeln!(out, "  - id: {}", r.id);
        let _ = writeln!(out, "    kind: {}", r.kind);
        let _ = writeln!(out, "    name: {}", q(&r.name));
        let _ = writeln!(out, "    org: {}", r.org);
        if let Some(t) = &r.township {
            let mut parts = vec![format!("township: {t}")];
            if let Some(a) = &r.address {
                parts.push(format!("address: {}", q(a)));
            }
            let _ = writeln!(out, "    place: {{ {} }}", parts.join(", "));
        }
        if !r.capabilities.is_empty() {
            let _ = writeln!(out, "    capabilities: {}", r.capabilities);
        }
        if let Some(m) = r.muster {
            let _ = writeln!(out, "    muster_minutes: {m}");
        }
        for (key, value) in [
            ("size", r.size),
            ("capacity", r.capacity),
            ("quantity", r.quantity),
            ("threatened", r.threatened),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "    {key}: {v}");
            }
        }
        if !r.stock.is_empty() {
            out.push_str("    stock:\n");
            for (item, n, unit) in &r.stock {
                let _ = writeln!(
                    out,
                    "      - {{ item: {item}, quantity: {n}, unit: {unit} }}"
                );
            }
        }
        if let Some(h) = &r.hazard {
            let _ = writeln!(out, "    hazard: {h}");
        }
        if let Some(c) = &r.contact {
            let _ = writeln!(out, "    contact: {c}");
        }
    }
    out
}

fn people_yaml(county: &County) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(out, "# {}：岗位和联系人（虚构）\nposts:", county.name);
    for p in &county.posts {
        let deputy = p
            .deputy
            .as_ref()
            .map_or(String::new(), |d| format!(", deputy: {d}"));
        let _ = writeln!(
            out,
            "  - {{ id: {}, title: {}, org: {}, holder: {}{deputy} }}",
            p.id,
            q(&p.title),
            p.org,
            p.holder
        );
    }
    out.push_str("contacts:\n");
    for c in &county.contacts {
        let _ = writeln!(
            out,
            "  - {{ id: {}, name: {}, org: {}, mobile: {}, verified: 2026-{:02}-{:02} }}",
            c.id,
            c.name,
            c.org,
            c.mobile,
            3 + c.id.len() % 6,
            1 + c.id.len() % 28
        );
    }
    out
}

/// The drill ledger: a drill in 2026 for every plan whose kind has a drill interval (T102),
/// and one for every township (C104's 有演练).
fn drill_log_yaml(county: &County) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}：应急演练台账（虚构）\ndrill_log:", county.name);
    for (i, plan) in county.plans.iter().enumerate() {
        if !matches!(
            plan.kind,
            Kind::Specialised | Kind::Departmental | Kind::Enterprise | Kind::Site
        ) {
            continue;
        }
        let _ = writeln!(
            out,
            "  - {{ date: 2026-{:02}-{:02}, title: {}, plans: [{}] }}",
            7 + i % 5,
            1 + i % 28,
            q(&format!("2026年{}演练", plan.title)),
            plan.id
        );
    }
    for (i, town) in county.towns.iter().enumerate() {
        let _ = writeln!(
            out,
            "  - {{ date: 2026-{:02}-{:02}, title: {}, plans: [], participants: [{}] }}",
            3 + i % 8,
            1 + i % 28,
            q(&format!("2026年{}综合应急演练", town.name)),
            town.org
        );
    }
    out
}

fn common_yaml(counties: usize) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("# 全省共用：灾种目录、指标和省市两级机构（合成数据）\nhazards:\n");
    for (id, name, category, triggers, metrics) in HAZARDS {
        let _ = writeln!(
            out,
            "  - id: {id}\n    name: {name}\n    category: {category}"
        );
        if !triggers.is_empty() {
            let t: Vec<String> = triggers.iter().map(|s| s.to_string()).collect();
            let _ = writeln!(out, "    triggers: {}", list(&t));
        }
        // The overall plan's measures (deaths, losses, people moved) grade every hazard (L206).
        let mut m: Vec<String> = metrics.iter().map(|s| s.to_string()).collect();
        for (general, _, _) in OVERALL_CRITERIA {
            if !m.iter().any(|m| m == general) {
                m.push(general.to_string());
            }
        }
        let _ = writeln!(out, "    metrics: {}", list(&m));
    }
    out.push_str("metrics:\n");
    for (id, name, unit) in METRICS {
        let _ = writeln!(out, "  - {{ id: {id}, name: {name}, unit: {unit} }}");
    }
    out.push_str("organisations:\n");
    out.push_str("  - { id: sheng-zf, name: 某省人民政府, kind: government }\n");
    out.push_str(
        "  - { id: sheng-yingjiju, name: 某省应急管理厅, kind: department, parent: sheng-zf }\n",
    );
    out.push_str("  - { id: linsheng-zf, name: 邻省某县人民政府, kind: government }\n");
    for c in 0..counties.div_ceil(12) {
        let name = city_name(c);
        let _ = writeln!(
            out,
            "  - {{ id: s{c:02}-zf, name: {name}人民政府, kind: government, parent: sheng-zf }}\n  - {{ id: s{c:02}-yingjiju, name: {name}应急管理局, kind: department, parent: s{c:02}-zf }}"
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------

struct Args {
    plans: usize,
    seed: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut plans = 150;
    let mut seed = 1;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--plans" => plans = value()?.parse().map_err(|e| format!("--plans: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                return Err("usage: synth --plans N [--seed S] --out DIR".to_owned());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if plans == 0 {
        return Err("--plans must be at least 1".to_owned());
    }
    Ok(Args { plans, seed, out })
}

const MARKER: &str = "# Synthetic emplan plan system";

/// Empties `out` if it holds an earlier synthetic system; refuses any other non-empty folder.
fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let marker = std::fs::read_to_string(out.join("README.md")).unwrap_or_default();
        let empty = std::fs::read_dir(out)
            .map_err(|e| e.to_string())?
            .next()
            .is_none();
        if !empty && !marker.starts_with(MARKER) {
            return Err(format!(
                "{} is not empty and was not written by synth; choose another --out",
                out.display()
            ));
        }
        std::fs::remove_dir_all(out).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(out).map_err(|e| e.to_string())
}

struct Totals {
    plans: usize,
    counties: usize,
    files: usize,
    bytes: usize,
}

fn write(path: &Path, text: &str, totals: &mut Totals) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    totals.files += 1;
    totals.bytes += text.len();
    Ok(())
}

fn main() {
    if let Err(message) = run() {
        eprintln!("synth: {message}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let totals = generate(args.plans, args.seed, &args.out)?;
    println!(
        "synth: {} plans in {} counties, {} files, {:.1} MB -> {}",
        totals.plans,
        totals.counties,
        totals.files,
        totals.bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}

/// Writes a system of `plans` plans into `out`.
fn generate(plans: usize, seed: u64, out: &Path) -> Result<Totals, String> {
    let args = Args {
        plans,
        seed,
        out: out.to_owned(),
    };
    prepare(&args.out)?;
    let counties = args.plans.div_ceil(150);
    let seed = Rng::new(args.seed);
    let mut totals = Totals {
        plans: 0,
        counties,
        files: 0,
        bytes: 0,
    };
    write(
        &args.out.join("README.md"),
        &format!(
            "{MARKER}\n\nWritten by `cargo run --release --example synth -- --plans {} --seed {}`; \
             regenerate rather than edit. emplan does not read README.md files.\n",
            args.plans, args.seed
        ),
        &mut totals,
    )?;
    totals.files = 0;
    totals.bytes = 0;
    write(
        &args.out.join("emplan.toml"),
        "# The day the lifecycle, contact and drill rules count from.\nas_of = 2026-12-01\n",
        &mut totals,
    )?;
    write(
        &args.out.join("registry/common.yaml"),
        &common_yaml(counties),
        &mut totals,
    )?;
    for c in 0..counties {
        // Spread the plans evenly over the counties.
        let budget = args.plans / counties + usize::from(c < args.plans % counties);
        let comp = Composition::for_budget(budget);
        let mut county = County::new(c, counties, comp, &seed);
        county.build_registry();
        county.build_plans();
        let dir = args.out.join(format!("s{:02}/k{c:03}", c / 12));
        write(
            &dir.join("registry/organisations.yaml"),
            &organisations_yaml(&county),
            &mut totals,
        )?;
        write(
            &dir.join("registry/resources.yaml"),
            &resources_yaml(&county),
            &mut totals,
        )?;
        write(
            &dir.join("registry/people.yaml"),
            &people_yaml(&county),
            &mut totals,
        )?;
        write(
            &dir.join("registry/drill-log.yaml"),
            &drill_log_yaml(&county),
            &mut totals,
        )?;
        let mut rng = county.rng.fork(0xB0D1);
        for plan in &county.plans {
            let mut text = front_matter(plan, &county, &mut rng);
            text.push_str(&body(plan, &county, &mut rng));
            let path = dir.join(plan.dir).join(format!("{}.md", plan.id));
            write(&path, &text, &mut totals)?;
        }
        totals.plans += comp.plans();
        debug_assert_eq!(comp.plans(), county.plans.len());
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generator must keep up with the rules: a district it writes checks clean.
    #[test]
    fn a_generated_district_checks_clean() {
        let dir = tempfile::tempdir().unwrap();
        let totals = generate(150, 7, dir.path()).unwrap();
        let repo = emplan::load::load(dir.path()).unwrap();
        let diagnostics = emplan::check::check(
            &emplan::model::index::Index::new(&repo),
            emplan::foundation::i18n::Lang::En,
        );
        let first: Vec<_> = diagnostics
            .iter()
            .take(5)
            .map(|d| (d.rule.code, &repo.sources.get(d.loc.file).path, &d.message))
            .collect();
        assert!(
            diagnostics.is_empty(),
            "{} findings: {first:#?}",
            diagnostics.len()
        );
        assert_eq!((repo.plans.len(), totals.plans), (150, 150));
        assert_eq!(repo.sources.files.len(), totals.files);
    }

    #[test]
    fn the_seed_decides_everything() {
        let read = |dir: &Path| {
            let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .map(|e| e.unwrap())
                .filter(|e| e.file_type().is_file())
                .map(|e| {
                    let relative = e.path().strip_prefix(dir).unwrap().to_owned();
                    (relative, std::fs::read(e.path()).unwrap())
                })
                .collect();
            files.sort();
            files
        };
        let (a, b, c) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        generate(40, 3, a.path()).unwrap();
        generate(40, 3, b.path()).unwrap();
        generate(40, 4, c.path()).unwrap();
        assert!(read(a.path()) == read(b.path()));
        assert!(read(a.path()) != read(c.path()));
    }
}
