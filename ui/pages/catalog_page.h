#pragma once
#include "page.h"

class QTableView;
class QLineEdit;
class QComboBox;
class QDoubleSpinBox;

namespace headroom {

class CatalogTableModel;
class CatalogFilterModel;

// Providers and instance types with prices: sortable, filterable by text and provider, with the
// EUR→USD rate used for comparisons editable (stored in the workspace).
class CatalogPage : public Page {
    Q_OBJECT
public:
    explicit CatalogPage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Catalog"); }
    QString iconName() const override { return QStringLiteral("view-list-details"); }
    CatalogTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    void setFilterText(const QString& text);
    void setProviderFilter(const QString& provider);

private:
    void reload();
    CatalogTableModel* model_;
    CatalogFilterModel* proxy_;
    QTableView* table_;
    QLineEdit* filter_;
    QComboBox* provider_;
    QDoubleSpinBox* rate_;
};

}  // namespace headroom
