#pragma once
#include <QFrame>

class QLabel;

namespace headroom {

// One headline figure in a framed box: a caption, the value in large type and a line of detail
// under it (a confidence interval, a basis). `tone` colours the value for verdicts.
class SummaryCard : public QFrame {
    Q_OBJECT
public:
    enum class Tone { Neutral, Good, Bad };

    SummaryCard(const QString& caption, QWidget* parent = nullptr);
    void setFigure(const QString& value, const QString& detail = {}, Tone tone = Tone::Neutral);
    // Back to the empty state ("–") before the first result or after a failed run.
    void clear();

    QString caption() const;
    QString value() const;
    QString detail() const;

private:
    QLabel* caption_;
    QLabel* value_;
    QLabel* detail_;
};

}  // namespace headroom
