#pragma once
#include <QMainWindow>
#include <memory>

namespace headroom {

class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;
    void openWorkspaceOrDefault(const QString& path);

private:
    std::unique_ptr<Workspace> workspace_;
};

}  // namespace headroom
