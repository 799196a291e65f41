// The editor page: pick the organization from the address, register the project's YAML
// format, start Decap CMS with collections for that organization only.
//
//   soan-thao/?to-chuc=<mã tổ chức>    a chi bộ's member reviews and its collective review
//   soan-thao/?dang-vien=<mã đảng viên> one member's own review
//   soan-thao/?may-chu=<cổng>          (forge "local" only) decap-server's port on 127.0.0.1
//
// Offering a member their own file is a convenience: who may change what is decided by the
// forge (CODEOWNERS) and the pull-request check, never by this page.
import { yamlFormat } from "./kiemdiem-yaml.js";

const CMS = window.CMS;
const params = new URLSearchParams(window.location.search);
const data = await (await fetch("config.json", { cache: "no-cache" })).json();

CMS.registerCustomFormat(data.format, "yaml", yamlFormat(data.fields));

// ------------------------------------------------------------------ numbers

// A number typed as text (generator/editor/config.py NUMBER_WIDGET). Decap's own number
// widget reinterprets what it cannot read: `1,200` became 1200, `1.150` 150 (the input
// emptied at `1.`), `27,5` 275. Here the text stays as typed; the entry gets the number
// only when the text is plain digits (a decimal point for a score), else nothing, and the
// field's pattern refuses the text itself (getValidateValue) with the field's name.
const NUMBER_TEXT = { int: /^[0-9]+$/, float: /^[0-9]+(\.[0-9]+)?$/ };

function numberOf(text, float) {
  if (!(float ? NUMBER_TEXT.float : NUMBER_TEXT.int).test(text)) return "";
  return float ? parseFloat(text) : parseInt(text, 10);
}

const NumberText = window.createClass({
  float() {
    return this.props.field.get("value_type") === "float";
  },
  getInitialState() {
    const v = this.props.value;
    return { text: v === undefined || v === null ? "" : String(v) };
  },
  componentDidUpdate(prev) {
    // a value set from outside (an entry loaded, a default): shown as it is
    const v = this.props.value;
    if (v !== prev.value && v !== numberOf(this.state.text.trim(), this.float())) {
      this.setState({ text: v === undefined || v === null ? "" : String(v) });
    }
  },
  getValidateValue() {
    return this.state.text.trim();
  },
  isValid() {
    const { field, value, t } = this.props;
    const min = field.get("min");
    const max = field.get("max");
    if (value === "" || value === undefined || value === null) return true;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const fieldLabel = field.get("label", field.get("name"));
      const message = t("editor.editorControlPane.widget.range", {
        fieldLabel,
        minValue: min,
        maxValue: max,
      });
      return { error: { type: "RANGE", message } };
    }
    return true;
  },
  handleChange(event) {
    const text = event.target.value;
    this.setState({ text });
    this.props.onChange(numberOf(text.trim(), this.float()));
  },
  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return window.h("input", {
      type: "text",
      inputMode: this.float() ? "decimal" : "numeric",
      id: forID,
      className: classNameWrapper,
      value: this.state.text,
      onChange: this.handleChange,
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    });
  },
});

CMS.registerWidget(data.number_widget, NumberText);

// ------------------------------------------------------------------ collections

function withDefault(fields, name, value) {
  return fields.map((f) => (f.name === name ? { ...f, default: value } : f));
}

// a member's own review (`?dang-vien=`) gets the member's form, without what the committee
// writes (x-pham-vi: cap-uy; a member's pull request touching it is refused); the chi bộ's
// listing gets every field, the committee's marked. Values the form does not show stay in the
// file (Decap keeps them; kiemdiem-yaml.js orders by data.fields.member, the full list).
function memberCollection(org, memberId) {
  const fields = memberId
    ? withDefault(data.fields.member_own, "ma_dang_vien", memberId)
    : data.fields.member;
  const collection = {
    name: "dang-vien",
    label: `Bản kiểm điểm đảng viên — ${org.name}`,
    label_singular: "bản kiểm điểm cá nhân",
    description: `Bản tự kiểm điểm năm ${data.year} của đảng viên ${org.name}. Tên tệp là mã đảng viên.`,
    folder: `${org.path}/dang-vien`,
    extension: "yaml",
    format: data.format,
    create: true,
    delete: false,
    slug: "{{ma_dang_vien}}",
    identifier_field: "ma_dang_vien",
    summary: "{{ho_ten}} ({{ma_dang_vien}})",
    editor: { preview: false },
    fields,
  };
  if (memberId) collection.filter = { field: "ma_dang_vien", value: memberId };
  return collection;
}

function orgCollection(org) {
  return {
    name: "to-chuc",
    label: `Bản kiểm điểm tập thể — ${org.name}`,
    format: data.format,
    extension: "yaml",
    editor: { preview: false },
    files: [
      {
        name: "to-chuc",
        label: `Bản kiểm điểm tập thể năm ${data.year}: ${org.name}`,
        file: `${org.path}/to-chuc.yaml`,
        fields: data.fields.org,
      },
    ],
  };
}

function backend() {
  const out = { ...data.cms.backend };
  const port = params.get("may-chu");
  if (out.name === "proxy" && port && /^[0-9]{2,5}$/.test(port)) {
    out.proxy_url = `http://127.0.0.1:${port}/api/v1`;
  }
  return out;
}

function start(org, memberId) {
  const collections = org.members ? [memberCollection(org, memberId)] : [];
  if (!memberId) collections.push(orgCollection(org));
  document.title = `Soạn bản kiểm điểm năm ${data.year} — ${org.name}`;
  CMS.init({ config: { ...data.cms, backend: backend(), collections } });
}

// ------------------------------------------------------------------ choosing the organization

function chooser(message) {
  const main = document.getElementById("kd-chon");
  const list = document.getElementById("kd-danh-sach");
  const search = document.getElementById("kd-tim");
  document.getElementById("kd-thong-bao").textContent = message || "";
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
  const render = () => {
    const q = fold(search.value.trim());
    list.replaceChildren(
      ...data.orgs
        .filter((o) => !q || fold(`${o.name} ${o.id}`).includes(q))
        .slice(0, 200)
        .map((o) => {
          const li = document.createElement("li");
          li.className = `kd-cap-${Math.min(o.depth, 4)}`;
          const a = document.createElement("a");
          // a member looking for their chi bộ keeps their own form (`dang-vien`)
          const keep = ["dang-vien", "may-chu"]
            .filter((k) => params.get(k))
            .map((k) => `&${k}=${encodeURIComponent(params.get(k))}`)
            .join("");
          a.href = `?to-chuc=${encodeURIComponent(o.id)}${keep}`;
          a.textContent = `${o.name} (${o.id})`;
          li.append(a);
          return li;
        }),
    );
  };
  search.addEventListener("input", render);
  render();
  main.hidden = false;
}

const memberId = params.get("dang-vien");
// a member's organization: the first one listing them (config.json lists members by organization)
const orgOfMember = (id) =>
  Object.keys(data.members_by_org).find((o) => data.members_by_org[o].includes(id));
const orgId = params.get("to-chuc") || (memberId && orgOfMember(memberId));
const org = data.orgs.find((o) => o.id === orgId);
if (org && memberId && !org.members) {
  chooser(`Tổ chức ${org.name} không có bản kiểm điểm đảng viên: chọn chi bộ của mình.`);
} else if (org) {
  start(org, memberId);
} else if (orgId || memberId) {
  chooser(
    memberId && !orgId
      ? `Chưa tìm thấy bản kiểm điểm năm ${data.year} của ${memberId}: chọn chi bộ của mình rồi bấm "Tạo mới".`
      : `Không có tổ chức ${orgId} trong năm ${data.year}: chọn trong danh sách dưới đây.`,
  );
} else {
  chooser("");
}
