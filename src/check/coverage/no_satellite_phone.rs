use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::registry::{Resource, ResourceKind};
use crate::tr;

/// The tag of a key earthquake-defence zone (地震重点防御区).
pub const TAG: &str = "key-earthquake-zone";

pub static RULE: Rule = Rule {
    code: "C106",
    name: "no-satellite-phone",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a key earthquake-defence township or village has no satellite phone",
        "地震重点防御区乡镇或村没有卫星电话",
    ),
    doc: (
        "\
## What it does
Reports an organisation tagged `key-earthquake-zone` (地震重点防御区) in the registry that keeps no
satellite phone: no resource of `kind: equipment` whose name contains 卫星 and 电话, kept by it
or lying in it.

## Why is this bad?
When an earthquake cuts the network, the power and the roads, a satellite phone is the only way
a township reaches the district. The seed district's emergency plan: 地震重点防御区乡镇（街道）、
部分重点村（社区）至少配备1台卫星通讯电话，确保断网、断电、断路等极端条件下通信畅通.

## How to fix
Equip the township and register the phone:

```yaml
- {id: eq-baolun-satphone, kind: equipment, name: 宝轮镇卫星电话, org: xz-baolun, quantity: 1}
```",
        "\
## 作用
报告登记册中标记为 `key-earthquake-zone`（地震重点防御区）、但没有卫星电话的组织机构：
其所属或位于其辖区内的资源中，没有名称含“卫星”和“电话”的 `kind: equipment` 装备。

## 为什么有问题
地震造成断网、断电、断路时，卫星电话是乡镇与区里联系的唯一手段。参考区规划要求：
地震重点防御区乡镇（街道）、部分重点村（社区）至少配备1台卫星通讯电话，确保断网、断电、断路等
极端条件下通信畅通。

## 如何修复
为乡镇配备卫星电话并登记：

```yaml
- {id: eq-baolun-satphone, kind: equipment, name: 宝轮镇卫星电话, org: xz-baolun, quantity: 1}
```",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "name: 宝轮镇卫星电话",
        bad: "name: 宝轮镇对讲机",
        good: "name: 宝轮镇卫星电话",
    },
    run,
};

fn is_satellite_phone(r: &Resource) -> bool {
    r.kind.value == ResourceKind::Equipment
        && r.name.value.contains("卫星")
        && r.name.value.contains("电话")
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.repo.registry.organisations {
        let org = &entry.value;
        let Some(tag) = org.tags.iter().find(|t| t.value == TAG) else {
            continue;
        };
        if org.dissolved.is_some() {
            continue;
        }
        let id = org.id.as_str();
        let has = cx
            .repo
            .registry
            .resources
            .iter()
            .any(|r| is_satellite_phone(&r.value) && super::belongs_to(&r.value, id));
        if has {
            continue;
        }
        let name = org.name.value.as_str();
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, tag.span),
                tr!(
                    cx.lang,
                    "{name} is a key earthquake-defence zone and keeps no satellite phone",
                    "{name}属地震重点防御区，但没有配备卫星电话"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "register its satellite phone as a resource of `kind: equipment` named …卫星电话",
                "请将其卫星电话登记为 `kind: equipment` 资源，名称含“卫星电话”"
            )),
        );
    }
}
