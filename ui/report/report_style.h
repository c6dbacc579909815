#pragma once
#include <QColor>
#include <QFont>
#include <QString>

namespace headroom::report::style {

// Type and page geometry of the printed report, in points. Fonts are sized in pixels of the
// report's coordinate system (one pixel = one point), so text measures the same on the preview
// image and in the PDF whatever the device resolution; hinting is off for the same reason.
inline QFont font(int pixelSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: text copied from the PDF (and searched by pdftotext) reads "fi", not "ﬁ".
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

inline constexpr double kMarginLeft = 56;
inline constexpr double kMarginRight = 56;
inline constexpr double kContentTop = 74;
inline constexpr double kContentBottomGap = 64;   // from the page bottom
inline constexpr double kHeaderBaseline = 44;
inline constexpr double kFooterBaselineGap = 34;  // from the page bottom
inline constexpr double kCellPad = 3;

inline constexpr int kBodySize = 10;
inline constexpr int kTableSize = 8;
inline constexpr int kSmallSize = 8;
inline constexpr int kHeading1Size = 16;
inline constexpr int kHeading2Size = 12;

inline QColor ink() { return QColor(0x20, 0x20, 0x20); }
inline QColor muted() { return QColor(0x60, 0x60, 0x60); }
inline QColor rule() { return QColor(0xb0, 0xb0, 0xb0); }
inline QColor headerFill() { return QColor(0xe4, 0xe8, 0xee); }
inline QColor zebraFill() { return QColor(0xf5, 0xf6, 0xf8); }
inline QColor accent() { return QColor(0x1f, 0x5f, 0x9f); }

}  // namespace headroom::report::style
