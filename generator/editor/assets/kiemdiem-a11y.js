// Names for the controls Decap CMS renders without one, for screen readers (WCAG 4.1.2).
//
// Decap 3.16 gives a list item's buttons and drag handle no name at all (a screen reader says
// "button"), and an object's or list's expand button only "Mở rộng" / "Thu gọn", never which
// field it opens; no configuration or locale string reaches them (decap-cms-ui-default
// ListItemTopBar, ObjectWidgetTopBar). So after each render this names them from the field's
// own label:
//
//   expand button of a group or list   "Mở rộng: <nhãn>" / "Thu gọn: <nhãn>"
//   a list item's toggle               "Mở rộng mục 2: <nhãn danh sách>" / "Thu gọn mục 2: …"
//   a list item's drag handle          "Kéo để đổi thứ tự mục 2: <nhãn danh sách>"
//   a list item's remove button        "Xoá mục 2: <nhãn danh sách>"
//
// Decap keeps setting its own aria-label on expand buttons when they toggle (React writes it
// when its value changes); the observer sees that and names the button again. Attributes are
// written only when they differ, so the observer's own writes settle after one pass.
(function () {
  const words = ((window.KIEMDIEM_VI || {}).editor || {}).editorWidgets || {};
  const EXPAND = (words.object || {}).expand || "Mở rộng";
  const COLLAPSE = (words.object || {}).collapse || "Thu gọn";

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  // the label of the field whose widget holds `el` (its `<label for>`), without Decap's
  // "(không bắt buộc)" (a span inside the label)
  function fieldLabel(el) {
    for (let w = el.closest("[id]"); w; w = w.parentElement && w.parentElement.closest("[id]")) {
      const label = document.querySelector(`label[for="${CSS.escape(w.id)}"]`);
      if (label) {
        const own = [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
        return own.map((n) => n.data).join("").trim() || label.textContent.trim();
      }
    }
    return "";
  }

  function nameExpandButton(button) {
    const label = fieldLabel(button);
    if (!label) return;
    const said = (button.getAttribute("aria-label") || "").split(":")[0].trim();
    const collapsed = said !== COLLAPSE;
    set(button, "aria-label", `${collapsed ? EXPAND : COLLAPSE}: ${label}`);
    set(button, "aria-expanded", String(!collapsed));
  }

  function nameListItem(bar) {
    const item = bar.parentElement;
    if (!item || !item.parentElement) return;
    const n = [...item.parentElement.children].indexOf(item) + 1;
    const of = `mục ${n}: ${fieldLabel(item)}`;
    const summary = item.querySelector(':scope > [class*="NestedObjectLabel"]');
    const collapsed = !!summary && getComputedStyle(summary).display !== "none";
    const first = bar.firstElementChild;
    const last = bar.lastElementChild;
    if (first && first.tagName === "BUTTON") {
      set(first, "aria-label", `${collapsed ? EXPAND : COLLAPSE} ${of}`);
      set(first, "aria-expanded", String(!collapsed));
    }
    const handle = bar.querySelector(':scope > [role="button"]');
    if (handle) {
      set(handle, "aria-label", `Kéo để đổi thứ tự ${of}`);
      set(handle, "aria-roledescription", "nút kéo"); // dnd-kit's own is English ("sortable")
    }
    if (last && last !== first && last.tagName === "BUTTON") set(last, "aria-label", `Xoá ${of}`);
  }

  function nameAll() {
    document.querySelectorAll('button[data-testid="expand-button"]').forEach(nameExpandButton);
    document.querySelectorAll('[class*="ListItemTopBar"]').forEach(nameListItem);
  }

  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      nameAll();
    });
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["aria-label", "class"],
  });
})();
