/// Markdown turned into HTML pieces, ready to be joined with computed indicator blocks.
public struct RenderedMarkdown: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        /// HTML rendered by cmark (safe mode).
        case html(HTML)
        /// A fenced block ```` ```indicator TV-02 ````: the indicator's table and chart go here.
        case indicator(id: String, location: SourceLocation)
        /// A fenced block ```` ```indicators thu-vien ````: the group's summary table goes here.
        case indicatorGroup(group: String, location: SourceLocation)
        /// A fenced block ```` ```tasks 04-noi-dung-thuc-hien.md ````: that section's tasks go here.
        case taskList(fileName: String, location: SourceLocation)
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// A link to a place in a page: `02-yeu-cau.md#muc-dich`, or `#muc-dich` on the same page (`fileName` nil).
    public struct FragmentLink: Sendable, Hashable {
        public var fileName: String?
        public var fragment: String
        public var location: SourceLocation
    }

    public var segments: [Segment]
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
    /// Links that name a place in a page; checked once every page's ids are known.
    public var fragmentLinks: [FragmentLink] = []
}

/// Something in Markdown that only the site can resolve.
public enum MarkdownReference: Sendable, Hashable {
    /// A link to another section by file name: `[Yêu cầu](02-yeu-cau.md#muc-dich)`.
    case sectionLink(fileName: String, fragment: String?)
    /// An inline figure in a code span: `` `{TV-02}` ``, `` `{TV-02@2023}` ``, `` `{TV-02:trang-thai}` ``.
    case figure(String)
}

/// How the site resolved a reference.
public enum MarkdownResolution: Sendable, Hashable {
    case url(String)
    case figure(text: String, url: String, title: String)
    case failure(Message)
}
