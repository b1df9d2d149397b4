import Foundation
import SiteBuilder

/// What the preview adds to each HTML page it serves (never to what `tiendo build` writes): the reload script,
/// and, while the content has errors, a box listing them with their file, line and column.
enum LiveReload {
    static let script = """
        (function () {
          var seen = null;
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host
              + "\(PreviewHandler.socketPath)");
            socket.onmessage = function (event) {
              if (seen !== null && event.data !== seen) { location.reload(); }
              seen = event.data;
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();

        """

    /// Served for every address until the first build succeeds: the errors, and the reload script.
    static let noSiteYet = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Chưa dựng được trang</title></head>
        <body>
        <p style="font:16px/1.45 system-ui,sans-serif;margin:1rem">Chưa dựng được trang nào. Sửa các lỗi ở trên rồi lưu tệp.</p>
        </body></html>

        """

    static func inject(into page: Data, errors: [Diagnostic]) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        if !errors.isEmpty, let body = html.range(of: "<body>") {
            html.insert(contentsOf: errorBox(errors), at: body.upperBound)
        }
        let tag = "<script src=\"\(PreviewHandler.scriptPath)\"></script>\n"
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            html += tag
        }
        return Data(html.utf8)
    }

    static func errorBox(_ errors: [Diagnostic]) -> String {
        let lines = errors.prefix(50).map { escape($0.description) }.joined(separator: "\n")
        let more = errors.count > 50 ? "\n… \(errors.count - 50) lỗi nữa" : ""
        return "\n<div id=\"tiendo-loi\" role=\"alert\" style=\"position:sticky;top:0;z-index:1000;"
            + "background:#fff4f4;color:#5c0010;border:3px solid #b00020;padding:0.75rem 1rem;"
            + "font:16px/1.45 system-ui,sans-serif\"><strong>Nội dung có \(errors.count) lỗi: bản xem trước "
            + "đang hiện bản dựng đúng gần nhất.</strong> Sửa lỗi rồi lưu tệp, trang sẽ tự tải lại."
            + "<pre style=\"white-space:pre-wrap;margin:0.5rem 0 0;font:14px/1.4 ui-monospace,monospace\">"
            + lines + more + "</pre></div>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
