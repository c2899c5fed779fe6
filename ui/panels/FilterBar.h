#pragma once

#include <QWidget>

#include <vector>

#include "ImageFilter.h"
#include "store/RunStore.h"

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace flystage::ui {

// The image browser's filter controls: free text, then (under "Filters") the label's range
// and stage, gene, split, labelled or not, and a run's predictions: predicted and true stage,
// right or wrong, confidence, its test images, and the label-next queue. setFilter() shows a
// filter set from outside (a confusion-matrix cell) without echoing it back.
class FilterBar : public QWidget {
  Q_OBJECT

 public:
  enum class Sort { Id, ConfidenceAscending, ConfidenceDescending, QueueRank, Column };

  explicit FilterBar(QWidget* parent = nullptr);

  void setFilter(const ImageFilter& filter);
  ImageFilter filter() const;
  void setSort(Sort sort);
  Sort sort() const;

  void setRuns(const std::vector<RunRecord>& runs);
  void setGenes(const QStringList& genes);
  void setCounts(int shown, int total);
  void addViewActions(const QList<QAction*>& actions);
  void setDetailsVisible(bool visible);
  bool detailsVisible() const;
  QLineEdit* textEdit() const { return text_; }

 Q_SIGNALS:
  void filterChanged(const ImageFilter& filter);
  void sortChanged(Sort sort);

 private:
  void emitFilter();
  void updateRunControls();
  QComboBox* combo(const QString& objectName, const QString& accessibleName,
                   const QString& toolTip);

  bool updating_ = false;
  // ImageFilter::modelStage of the filter set from outside (a confusion-matrix cell): kept
  // while the bar's predicted-stage or correctness condition stays.
  bool modelStage_ = false;
  QLineEdit* text_;
  QComboBox* sort_;
  QToolButton* details_;
  QToolButton* reset_;
  QLabel* count_;
  QWidget* detailsBox_;
  QComboBox* range_;
  QComboBox* stage_;
  QComboBox* gene_;
  QComboBox* split_;
  QComboBox* labelled_;
  QComboBox* run_;
  QComboBox* predicted_;
  QComboBox* trueStage_;
  QComboBox* correctness_;
  QSpinBox* minConfidence_;
  QSpinBox* maxConfidence_;
  QCheckBox* testOnly_;
  QCheckBox* outsideRange_;
  QComboBox* queue_;
  QHBoxLayout* viewButtons_;
};

}  // namespace flystage::ui
