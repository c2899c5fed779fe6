#pragma once

#include <QWidget>

#include <functional>
#include <map>
#include <string>

class QGridLayout;
class QLabel;

namespace flystage {
struct ProjectSummary;
}

namespace flystage::ui {

class CountBar;

// The project at a glance: how many images, and how they spread over the six stage ranges,
// the precise stages 4..17 and the train/validation/test split. The main window hands it
// core's ProjectSummary after every open, import and label; clicking a row asks to show
// those images in the browser.
class SummaryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit SummaryPanel(QWidget* parent = nullptr);

  void setSummary(const ProjectSummary& summary);
  void clear();

 Q_SIGNALS:
  void rangeClicked(const QString& range);  // "11-12"
  void stageClicked(int stage);
  void splitClicked(const QString& part);  // "train", "validation", "test"

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct CountRow {
    QLabel* name = nullptr;
    CountBar* bar = nullptr;
    QLabel* count = nullptr;
  };
  CountRow addRow(QGridLayout* grid, const QString& name, const QString& objectName,
                  std::function<void()> onClick);
  static void setRow(const CountRow& row, int count, int max, const QString& accessibleText);

  QLabel* images_;
  QLabel* unlabelled_;
  QLabel* withStage_;
  QLabel* genes_;
  QLabel* stagesHint_;
  QLabel* splitHint_;
  QWidget* stagesBox_;
  QWidget* splitBox_;
  std::map<std::string, CountRow> ranges_;
  std::map<int, CountRow> stages_;
  std::map<std::string, CountRow> splits_;
  std::map<QObject*, std::function<void()>> clicks_;
};

}  // namespace flystage::ui
