#include "catalog_page.h"

#include "app_context.h"
#include "models/catalog_table_model.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {

// Text filter over every column plus an exact provider filter.
class CatalogFilterModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setProvider(const QString& p)
    {
        provider_ = p;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (!provider_.isEmpty() &&
            sourceModel()->index(row, CatalogTableModel::Provider, parent).data().toString() != provider_)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString provider_;
};

CatalogPage::CatalogPage(AppContext* context, QWidget* parent)
    : Page(context, parent), model_(new CatalogTableModel(this)), proxy_(new CatalogFilterModel(this)),
      table_(new QTableView), filter_(new QLineEdit), provider_(new QComboBox), rate_(new QDoubleSpinBox)
{
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(CatalogTableModel::PriceUsd, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setStretchLastSection(true);
    filter_->setPlaceholderText(tr("Filter (name, provider, basis…)"));
    filter_->setClearButtonEnabled(true);
    rate_->setRange(0.01, 10);
    rate_->setDecimals(4);
    rate_->setSingleStep(0.01);
    rate_->setToolTip(tr("Prices stay in the currency the provider states; this rate converts EUR to USD for comparisons."));

    auto* bar = new QHBoxLayout;
    bar->addWidget(filter_, 2);
    bar->addWidget(new QLabel(tr("Provider:")));
    bar->addWidget(provider_);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("1 EUR =")));
    bar->addWidget(rate_);
    bar->addWidget(new QLabel(tr("USD")));
    auto* note = new QLabel(tr("On-demand list prices as published on the dates shown (one region each, Linux, no "
                               "discounts). Prices change: check the provider's current price before committing."));
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);
    layout->addWidget(note);

    connect(filter_, &QLineEdit::textChanged, this, &CatalogPage::setFilterText);
    connect(provider_, &QComboBox::currentIndexChanged, this,
            [this](int i) { setProviderFilter(i <= 0 ? QString() : provider_->itemText(i)); });
    connect(rate_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (Workspace* ws = this->context()->workspace()) {
            ws->setSetting(QStringLiteral("currency.eur_usd"), QString::number(rate_->value()));
            this->context()->reloadCatalog();
        }
    });
    connect(context, &AppContext::catalogChanged, this, &CatalogPage::reload);
}

void CatalogPage::setFilterText(const QString& text) { proxy_->setFilterFixedString(text); }

void CatalogPage::setProviderFilter(const QString& provider) { proxy_->setProvider(provider); }

void CatalogPage::reload()
{
    const Catalog& catalog = context()->catalog();
    model_->setCatalog(catalog);
    const QString current = provider_->currentText();
    QSignalBlocker block(provider_);
    provider_->clear();
    provider_->addItem(tr("All"));
    provider_->addItems(catalog.providers());
    provider_->setCurrentText(current.isEmpty() ? tr("All") : current);
    QSignalBlocker blockRate(rate_);
    rate_->setValue(catalog.rates().eurToUsd);
    table_->resizeColumnsToContents();
}

}  // namespace headroom
