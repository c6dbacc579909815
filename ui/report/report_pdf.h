#pragma once
#include <QString>
#include <atomic>
#include <functional>

namespace headroom::report {

class ReportDocument;

// Writes every page of `doc` to `path` as PDF (vector text and charts). The file is written
// under a temporary name and renamed at the end (QSaveFile), so a failure or a cancel leaves
// whatever was at `path` before, never a partial report. Throws RuntimeFailure when the file
// cannot be written, Cancelled when `cancel` was set.
struct PdfOptions {
    QString title;                              // document title in the PDF metadata
    const std::atomic<bool>* cancel = nullptr;  // checked between pages
    std::function<void(int page, int pages)> progress;
};
void writePdf(const ReportDocument& doc, const QString& path, const PdfOptions& options = {});

}  // namespace headroom::report
