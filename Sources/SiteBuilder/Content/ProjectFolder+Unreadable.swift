import Foundation

extension ProjectFolder {
    /// A file that cannot be read, saying why when the system said (`code`, an `errno`): a link that loops or
    /// leads nowhere, a file gone since the folder was listed, no permission. `at` is the file's path, looked at
    /// again (without following a link) to tell a broken link from a missing file.
    static func unreadable(_ path: String, code: Int32 = 0, at file: String? = nil) -> Diagnostic {
        switch code {
        case ELOOP:
            return Diagnostic(path: path, "là liên kết tượng trưng (symbolic link) trỏ vòng, về chính nó hoặc qua "
                                  + "liên kết khác; hãy xóa hoặc sửa liên kết này",
                              en: "is a symbolic link that loops, to itself or through other links; remove or fix it")
        case ENOENT, ENOTDIR:
            var info = stat()
            if let file, lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                return Diagnostic(path: path, "là liên kết tượng trưng (symbolic link) trỏ tới một tệp không có; hãy "
                                      + "xóa hoặc sửa liên kết này",
                                  en: "is a symbolic link to a file that does not exist; remove or fix it")
            }
            return Diagnostic(path: path, "tệp này không còn nữa (có lẽ vừa bị xóa hoặc đổi tên trong lúc dựng); hãy "
                                  + "dựng lại", en: "no longer exists (deleted or renamed during the build?); build again")
        case EACCES, EPERM:
            return Diagnostic(path: path, "không có quyền đọc tệp này; hãy cấp quyền đọc cho người chạy Tiendo",
                              en: "no permission to read it; allow the user running Tiendo to read it")
        default:
            return Diagnostic(path: path, "không đọc được tệp này (kiểm tra quyền đọc)", en: "cannot be read")
        }
    }

    /// The `errno` behind a read that failed, when Foundation or Tiendo's own reading says (0 when not).
    static func code(of error: any Error) -> Int32 {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return 0
    }
}
