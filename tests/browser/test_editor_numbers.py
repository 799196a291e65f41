"""Numbers typed in the editor's form (generator/editor/config.py NUMBER_WIDGET), in
headless Chromium over the sample (the set-up of tests/browser/test_editor_browser.py).

Decap's number widget changed what it could not read: `1,200` saved as 1200, `1.150` as
150, a score of `27,5` as 275. Such text must stay as typed, be refused before saving with
the field's name in Vietnamese, and nothing be saved; plain digits (a decimal point for a
score) are saved as those numbers."""

from __future__ import annotations

import time
from typing import Any

import yaml

from generator.editor.config import DECIMAL_PATTERN, INT_PATTERN
from tests.browser.test_editor_browser import (  # noqa: F401 (the fixtures)
    _choose,
    _control,
    _git,
    _open_new_review,
    _save,
    _type,
    browser,
    editor,
    pytestmark,
)

TYPED = {"duoc_giao": "1,200", "hoan_thanh": "1.150", "tieu_chi_chung": "27,5"}


def _expand(driver: Any, name: str) -> None:
    from selenium.webdriver.common.by import By

    button = driver.find_element(
        By.CSS_SELECTOR, f"div[id^='{name}-field-'] button[data-testid='expand-button']"
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    time.sleep(0.3)


def _retype(driver: Any, name: str, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = _control(driver, name)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)


def test_numbers_with_separators_are_refused_and_plain_ones_saved(editor, browser) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    member = "dv-999555"
    _open_new_review(browser, editor)
    _type(browser, "ma_dang_vien", member)
    _type(browser, "ho_ten", "Trần Văn Số")
    _choose(browser, "loai_dang_vien", "chính thức")
    _type(browser, "ngay_vao_dang", "2010-05-19")
    _expand(browser, "nhiem_vu")
    _expand(browser, "diem")
    for name, text in TYPED.items():
        _type(browser, name, text)
    for name, text in TYPED.items():  # kept as typed, never reread as another number
        assert _control(browser, name).get_attribute("value") == text, name
    _save(browser)
    time.sleep(2)
    body = browser.find_element(By.TAG_NAME, "body").text.lower()
    int_message, decimal_message = INT_PATTERN[1], DECIMAL_PATTERN[1]
    for label in ("số được giao", "số hoàn thành"):
        assert f"{label} không khớp với mẫu: {int_message}" in body, body
    assert f"điểm tiêu chí chung không khớp với mẫu: {decimal_message}" in body, body
    branch = f"cms/dang-vien/{member}"
    assert branch not in _git(editor.repo, "branch", "--list", "--all")

    for name, text in {"duoc_giao": "1200", "hoan_thanh": "1150", "tieu_chi_chung": "27.5"}.items():
        _retype(browser, name, text)
    _save(browser)
    deadline = time.monotonic() + 30
    while branch not in _git(editor.repo, "branch", "--list", branch):
        assert time.monotonic() < deadline, "saving made no branch"
        time.sleep(0.3)
    time.sleep(1)
    path = next(
        p
        for p in _git(editor.repo, "ls-tree", "-r", "--name-only", branch).split()
        if p.endswith(f"/{member}.yaml")
    )
    data = yaml.safe_load(_git(editor.repo, "show", f"{branch}:{path}"))
    assert data["nhiem_vu"]["duoc_giao"] == 1200 and data["nhiem_vu"]["hoan_thanh"] == 1150
    assert data["diem"]["tieu_chi_chung"] == 27.5
