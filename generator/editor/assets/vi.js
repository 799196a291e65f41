// Vietnamese strings Decap CMS's own `vi` locale lacks (it falls back to English for them)
// or words awkwardly; merged over the bundled locale before the CMS starts.
(function () {
  const overrides = {
    "app": { "header": { "workflow": "Quy trình duyệt" } },
    "auth": {
      "loginWithAzure": "Đăng nhập bằng Azure",
      "loginWithForgejo": "Đăng nhập bằng Forgejo"
    },
    "collection": {
      "collectionTop": {
      "newButton": "Tạo %{collectionLabel}",
        // the button's name must hold its visible text (WCAG 2.5.3; Decap's reads "Tạo bài
        // thuộc loại …" over "Tạo …")
        "newButtonAriaLabel": "Tạo %{collectionLabel}",
        "viewAsList": "Xem dạng danh sách",
        "viewAsGrid": "Xem dạng lưới",
        "groupBy": "Nhóm theo"
      },
      "entries": {
        "unpublishedHeader": "Bản chưa hợp nhất"
      },
      "groups": {
        "other": "Khác",
        "negateLabel": "Không %{label}"
      }
    },
    "editor": {
      "editorControl": {
        "field": {
          "widgetLabel": "Trường %{widgetLabel}"
        }
      },
      "editorControlPane": {
        "i18n": {
          "writingInLocale": "Đang viết bằng %{locale}",
          "copyFromLocale": "Điền từ ngôn ngữ khác",
          "copyFromLocaleConfirm": "Điền dữ liệu từ ngôn ngữ %{locale}?\nMọi nội dung hiện có sẽ bị ghi đè."
        }
      },
      "editorInterface": {
        "toggleI18n": "Bật/tắt đa ngôn ngữ",
        "togglePreview": "Bật/tắt xem trước",
        "toggleScrollSync": "Cuộn đồng bộ",
        "toggleNotes": "Bật/tắt ghi chú"
      },
      "editorNotesPane": {
        "title": "Ghi chú",
        "emptyState": "Chưa có ghi chú nào.",
        "addNote": "Thêm ghi chú",
        "addPlaceholder": "Viết ghi chú...",
        "editPlaceholder": "Sửa ghi chú...",
        "save": "Lưu",
        "cancel": "Hủy",
        "edit": "Sửa",
        "delete": "Xóa",
        "resolve": "Đánh dấu đã xử lý",
        "unresolve": "Đánh dấu chưa xử lý",
        "confirmDelete": "Xóa ghi chú này?",
        "shortcut": "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh"
      },
      "editorToolbar": {
        "status": "Trạng thái: %{status}",
        "statusInfoTooltipDraft": "Bản này đang là bản nháp. Khi viết xong, đặt trạng thái thành “Đang xét duyệt” để chi bộ xem.",
        "statusInfoTooltipInReview": "Bản này đang được xét duyệt; không cần làm gì thêm. Vẫn có thể sửa tiếp trong lúc chờ."
      },
      "editorWidgets": {
        "markdown": {
          "bold": "Đậm",
          "italic": "Nghiêng",
          "strikethrough": "Gạch ngang",
          "code": "Mã",
          "link": "Liên kết",
          "linkPrompt": "Nhập địa chỉ liên kết",
          "headings": "Tiêu đề",
          "quote": "Trích dẫn",
          "bulletedList": "Danh sách gạch đầu dòng",
          "numberedList": "Danh sách đánh số",
          "addComponent": "Thêm thành phần",
          "toggleMode": {
            "rich": "Chuyển sang soạn thảo định dạng",
            "markdown": "Chuyển sang Markdown"
          }
        },
        "image": {
          "chooseMultiple": "Chọn ảnh",
          "chooseUrl": "Chèn từ địa chỉ",
          "replaceUrl": "Thay bằng địa chỉ",
          "promptUrl": "Nhập địa chỉ của ảnh",
          "addMore": "Thêm ảnh",
          "removeAll": "Xóa tất cả ảnh"
        },
        "file": {
          "chooseUrl": "Chèn từ địa chỉ",
          "chooseMultiple": "Chọn tệp",
          "replaceUrl": "Thay bằng địa chỉ",
          "promptUrl": "Nhập địa chỉ của tệp",
          "addMore": "Thêm tệp",
          "removeAll": "Xóa tất cả tệp"
        },
        "datetime": {
          "setToNow": "Đặt %{fieldLabel} là hôm nay"
        },
        "list": {
          "add": "Thêm %{item}",
          "addType": "Thêm %{item}"
        },
        "object": {
          "expand": "Mở rộng",
          "collapse": "Thu gọn"
        }
      }
    },
    "mediaLibrary": {
      "mediaLibraryCard": {
        "copy": "Sao chép",
        "copyUrl": "Sao chép địa chỉ",
        "copyPath": "Sao chép đường dẫn",
        "copyName": "Sao chép tên",
        "copied": "Đã sao chép"
      },
      "mediaLibraryModal": {
        "close": "Đóng"
      }
    },
    "ui": {
      "settingsDropdown": {
        "account": "Tùy chọn tài khoản"
      },
      "toast": {
        "noteAdded": "Đã thêm ghi chú",
        "onFailToAddNote": "Không thêm được ghi chú: %{details}",
        "noteUpdated": "Đã cập nhật ghi chú",
        "onFailToUpdateNote": "Không cập nhật được ghi chú: %{details}",
        "noteDeleted": "Đã xóa ghi chú",
        "onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
        "noteResolved": "Đã đánh dấu ghi chú đã xử lý",
        "noteReopened": "Đã mở lại ghi chú",
        "onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}"
      }
    }
  };
  function merge(base, extra) {
    const out = { ...base };
    for (const [k, v] of Object.entries(extra)) {
      out[k] = v && typeof v === "object" ? merge(base[k] || {}, v) : v;
    }
    return out;
  }
  window.KIEMDIEM_VI = overrides;
  window.CMS.registerLocale("vi", merge(window.CMS.getLocale("vi") || {}, overrides));
})();
