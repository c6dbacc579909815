#include "report_pdf.h"

#include "core/errors.h"
#include "report_document.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace headroom::report {

void writePdf(const ReportDocument& doc, const QString& path, const PdfOptions& options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw RuntimeFailure(QStringLiteral("%1: cannot write the report: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setResolution(600);
        writer.setTitle(options.title);
        writer.setCreator(QStringLiteral("Headroom"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            throw RuntimeFailure(QStringLiteral("%1: cannot start the PDF writer").arg(path));
        }
        const QRectF device(0, 0, writer.width(), writer.height());
        const int pages = doc.pageCount();
        for (int page = 0; page < pages; ++page) {
            if (options.cancel && options.cancel->load()) {
                painter.end();
                file.cancelWriting();
                throw Cancelled();
            }
            if (page > 0) writer.newPage();
            painter.save();
            ReportDocument::beginPage(painter, device);
            doc.paintPage(painter, page);
            painter.restore();
            if (options.progress) options.progress(page + 1, pages);
        }
        painter.end();
    }
    if (!file.commit())
        throw RuntimeFailure(QStringLiteral("%1: cannot write the report: %2").arg(path, file.errorString()));
}

}  // namespace headroom::report
