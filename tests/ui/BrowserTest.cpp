#include <QtTest>

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>

#include <opencv2/imgproc.hpp>

#include "FilterBar.h"
#include "ImageBrowser.h"
#include "ImageFilterModel.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ThumbnailLoader.h"
#include "data/ImageIo.h"
#include "data/Stage.h"
#include "importer/Importer.h"
#include "interpret/Colormap.h"
#include "model/StoredPredictions.h"
#include "store/ImageList.h"
#include "store/LabelHistory.h"
#include "store/Project.h"
#include "store/RunStore.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::FilterBar;
using flystage::ui::ImageBrowser;
using flystage::ui::ImageFilter;
using flystage::ui::ImageTableModel;
using flystage::ui::MainWindow;

namespace {

// The 12 labelled BDGP samples with genes, some precise stages and a split, plus the four
// unlabelled ones: every filter has something to find and something to leave out.
struct Row {
  const char* file;
  const char* gene;
  const char* range;
  int stage;  // 0: none
  const char* split;
};
const Row kRows[] = {
    {"range1-3_0.png", "eve", "1-3", 0, ""},
    {"range1-3_1.png", "ftz", "1-3", 0, ""},
    {"range4-6_0.png", "eve", "4-6", 5, "train"},
    {"range4-6_1.png", "ftz", "4-6", 6, "test"},
    {"range7-8_0.png", "eve", "7-8", 7, "train"},
    {"range7-8_1.png", "hb", "7-8", 0, ""},
    {"range9-10_0.png", "eve", "9-10", 9, "validation"},
    {"range9-10_1.png", "hb", "9-10", 10, "test"},
    {"range11-12_0.png", "ftz", "11-12", 11, "train"},
    {"range11-12_1.png", "eve", "11-12", 12, "test"},
    {"range13-17_0.png", "hb", "13-17", 14, "train"},
    {"range13-17_1.png", "ftz", "13-17", 0, ""},
    {"unlabeled_0.png", "", "", 0, ""},
    {"unlabeled_1.png", "", "", 0, ""},
    {"unlabeled_2.png", "", "", 0, ""},
    {"unlabeled_3.png", "", "", 0, ""},
};

std::filesystem::path makeProject(const TempDir& dir, const std::filesystem::path& imagesDir) {
  const auto file = dir / "browse.flystage";
  Project p = Project::open(file);
  ImportPlan plan;
  plan.source = "test";
  plan.kind = "labels-csv";
  for (const Row& r : kRows) {
    ImportItem item;
    item.path = imagesDir / r.file;
    item.gene = r.gene;
    item.range = parseStageRange(r.range);
    if (r.stage) item.stage = r.stage;
    item.split = parseSplitPart(r.split);
    plan.items.push_back(item);
  }
  const auto report = runImport(p, plan, {});
  if (!report.committed || report.imported != 16) throw std::runtime_error("import failed");
  return file;
}

std::map<std::string, std::int64_t> idsByFile(Project& p) {
  std::map<std::string, std::int64_t> ids;
  for (const auto& r : listImages(p)) ids[std::filesystem::path(r.path).filename().string()] = r.id;
  return ids;
}

// A prediction of `stage` with probability `p`, the rest spread over the other stages.
StoredPrediction prediction(std::int64_t id, int stage, double p) {
  StoredPrediction pr;
  pr.imageId = id;
  pr.stage = stage;
  pr.probability = p;
  pr.probabilities.assign(kNumFineStages, static_cast<float>((1 - p) / (kNumFineStages - 1)));
  pr.probabilities[stage - kMinFineStage] = static_cast<float>(p);
  pr.probability = pr.probabilities[stage - kMinFineStage];
  return pr;
}

std::int64_t makeRun(Project& p) {
  RunRecord r;
  r.method = "plain";
  r.preset = "tiny";
  r.status = "finished";
  return runstore::createRun(p, r);
}

using Ids = std::map<std::string, std::int64_t>;

// A copy of a project holding one run with predictions.
struct PredictedCopy {
  std::filesystem::path file;
  Ids id;  // the images' ids by file name
  std::int64_t run = 0;
};

// Copies `source` to `dir`/p.flystage and saves there one run holding the predictions `make`
// returns, given the images' ids by file name.
PredictedCopy copyWithPredictions(const std::filesystem::path& source, const TempDir& dir,
                                  const std::function<std::vector<StoredPrediction>(Ids&)>& make) {
  PredictedCopy c;
  c.file = dir / "p.flystage";
  std::filesystem::copy_file(source, c.file);
  Project p = Project::open(c.file);
  c.id = idsByFile(p);
  c.run = makeRun(p);
  runstore::savePredictions(p, c.run, make(c.id));
  return c;
}

int count(Project& p, const std::string& sql) {
  return p.db().execAndGet(sql).getInt();
}

QList<qint64> viewIds(const QAbstractItemModel* m) {
  QList<qint64> ids;
  for (int r = 0; r < m->rowCount(); ++r)
    ids << m->index(r, 0).data(ImageTableModel::ImageIdRole).toLongLong();
  return ids;
}

template <typename T>
T* child(const QObject& parent, const char* name) {
  return parent.findChild<T*>(QString::fromLatin1(name));
}

void chooseData(QComboBox* box, const QVariant& value) {
  const int i = box->findData(value);
  QVERIFY2(i >= 0, qPrintable(value.toString()));
  box->setCurrentIndex(i);
}

}  // namespace

class BrowserTest : public QObject {
  Q_OBJECT

  TempDir settingsDir_;
  TempDir dir_;
  std::filesystem::path file_;

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("BrowserTest"), qs(settingsDir_.path()));
    file_ = makeProject(dir_, test::samplesDir());
  }

  void init() { QSettings().clear(); }

  void filtersCountWhatTheStoreHolds() {
    MainWindow w;
    QVERIFY(w.openProject(qs(file_)));
    Project store = Project::open(file_, OpenMode::ReadOnly);
    const ProjectSummary s = store.summary();
    QAbstractItemModel* rows = w.imageTable()->model();
    QCOMPARE(rows->rowCount(), s.images);

    auto* range = child<QComboBox>(w, "filterRange");
    auto* stage = child<QComboBox>(w, "filterStage");
    auto* split = child<QComboBox>(w, "filterSplit");
    auto* labelled = child<QComboBox>(w, "filterLabelled");
    QVERIFY(range && stage && split && labelled);
    for (const auto& r : allStageRanges()) {
      const QString name = QString::fromStdString(r.name());
      chooseData(range, name);
      QCOMPARE(rows->rowCount(), s.perRange.at(r.name()));
      QCOMPARE(w.browser()->filter().range, std::optional<StageRange>(r));
    }
    range->setCurrentIndex(0);
    QCOMPARE(rows->rowCount(), 16);
    for (int st = kMinStage; st <= kMaxStage; ++st) {
      chooseData(stage, st);
      const auto it = s.perStage.find(st);
      QCOMPARE(rows->rowCount(), it == s.perStage.end() ? 0 : it->second);
    }
    stage->setCurrentIndex(0);
    for (auto [choice, name] : {std::pair{ImageFilter::SplitChoice::Train, "train"},
                                {ImageFilter::SplitChoice::Validation, "validation"},
                                {ImageFilter::SplitChoice::Test, "test"}}) {
      chooseData(split, static_cast<int>(choice));
      QCOMPARE(rows->rowCount(), s.perSplit.at(name));
    }
    chooseData(split, static_cast<int>(ImageFilter::SplitChoice::None));
    QCOMPARE(rows->rowCount(), count(store,
                                     "SELECT count(*) FROM images WHERE id NOT IN "
                                     "(SELECT image_id FROM splits)"));
    split->setCurrentIndex(0);
    chooseData(labelled, static_cast<int>(ImageFilter::LabelState::Unlabelled));
    QCOMPARE(rows->rowCount(), s.unlabelled);
    chooseData(labelled, static_cast<int>(ImageFilter::LabelState::WithStage));
    QCOMPARE(rows->rowCount(), s.withStage);
    chooseData(labelled, static_cast<int>(ImageFilter::LabelState::RangeOnly));
    QCOMPARE(rows->rowCount(), count(store, "SELECT count(*) FROM labels WHERE stage IS NULL"));
    labelled->setCurrentIndex(0);

    // Conditions combine; the gene filter is exact, in any case.
    ImageFilter f;
    f.gene = QStringLiteral("EVE");
    QVERIFY(w.setImageFilter(f));
    QCOMPARE(rows->rowCount(), count(store, "SELECT count(*) FROM images WHERE gene = 'eve'"));
    f.split = ImageFilter::SplitChoice::Test;
    QVERIFY(w.setImageFilter(f));
    QCOMPARE(rows->rowCount(), count(store,
                                     "SELECT count(*) FROM images i JOIN splits s ON "
                                     "s.image_id = i.id WHERE i.gene = 'eve' AND "
                                     "s.part = 'test'"));
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(rows->index(0, ImageTableModel::File).data().toString(),
             QStringLiteral("range11-12_1.png"));
    // The widgets show a filter set from outside.
    QCOMPARE(child<QComboBox>(w, "filterGene")->currentText(), QStringLiteral("EVE"));
    QCOMPARE(split->currentData().toInt(), int(ImageFilter::SplitChoice::Test));
    auto* count = child<QLabel>(w, "filterCount");
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("1 of 16 images"));

    // A row of the summary panel shows its images.
    QTest::mouseClick(child<QLabel>(w, "rangeCount_11-12"), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), s.perRange.at("11-12"));
    QCOMPARE(range->currentData().toString(), QStringLiteral("11-12"));
    QVERIFY(child<QComboBox>(w, "filterGene")->currentText().isEmpty());
    QTest::mouseClick(child<QLabel>(w, "stageCount_12"), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), s.perStage.at(12));
    QCOMPARE(stage->currentData().toInt(), 12);
    QTest::mouseClick(child<QLabel>(w, "splitCount_train"), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), s.perSplit.at("train"));
  }

  void gridAndTableShowTheSameRows() {
    MainWindow w;
    QVERIFY(w.openProject(qs(file_)));
    w.resize(1200, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QListView* grid = w.browser()->grid();
    QTableView* table = w.browser()->table();
    QCOMPARE(grid->model(), table->model());
    QCOMPARE(grid->selectionModel(), table->selectionModel());
    QCOMPARE(viewIds(grid->model()).size(), 16);

    ImageFilter f;
    f.labelled = ImageFilter::LabelState::Labelled;
    QVERIFY(w.setImageFilter(f));
    w.browser()->setSort(FilterBar::Sort::Column);
    table->sortByColumn(ImageTableModel::File, Qt::DescendingOrder);
    const QList<qint64> ids = viewIds(table->model());
    QCOMPARE(ids.size(), 12);
    QCOMPARE(viewIds(grid->model()), ids);
    // The grid's n-th tile is the table's n-th row.
    QCOMPARE(grid->model()
                 ->index(0, grid->modelColumn())
                 .data(ImageTableModel::ImageIdRole)
                 .toLongLong(),
             ids.first());
    QCOMPARE(table->model()->index(0, ImageTableModel::File).data().toString(),
             QStringLiteral("range9-10_1.png"));

    // One selection: what is selected in the grid is selected in the table.
    w.browser()->setViewMode(ImageBrowser::ViewMode::Grid);
    QVERIFY(w.browser()->selectRow(3));
    QCOMPARE(w.browser()->currentImageId(), ids[3]);
    w.browser()->setViewMode(ImageBrowser::ViewMode::Table);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), 3);
    QCOMPARE(w.imageView()->imageId(), ids[3]);
  }

  void thumbnailsArriveFromAWorkerThread() {
    Project p = Project::open(file_, OpenMode::ReadOnly);
    ImageTableModel model;
    model.setProject(&p);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex first = model.index(0, ImageTableModel::Thumbnail);
    // The call answers at once with the placeholder and queues the decode.
    const QPixmap placeholder = first.data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(placeholder.cacheKey(), model.placeholder().cacheKey());
    QVERIFY(!first.data(ImageTableModel::ThumbnailReadyRole).toBool());
    QVERIFY(model.thumbnailLoader()->isPending(model.row(0).id));
    QCOMPARE(model.cachedThumbnails(), 0);

    // The real pixmap follows through dataChanged for that cell.
    QTRY_VERIFY(!changed.isEmpty());
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    QCOMPARE(topLeft, first);
    QVERIFY(first.data(ImageTableModel::ThumbnailReadyRole).toBool());
    const QPixmap real = first.data(Qt::DecorationRole).value<QPixmap>();
    QVERIFY(real.cacheKey() != placeholder.cacheKey());
    // The standardized image's pixels, resized: compare with a decode done here.
    const cv::Mat bgr = p.standardizedImage(model.row(0).id);
    const QImage got = real.toImage().convertToFormat(QImage::Format_RGB888);
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(got.width(), got.height()), 0, 0, cv::INTER_AREA);
    int maxDiff = 0;
    for (int y = 0; y < got.height(); y += 7)
      for (int x = 0; x < got.width(); x += 7) {
        const QRgb c = got.pixel(x, y);
        const cv::Vec3b e = small.at<cv::Vec3b>(y, x);
        maxDiff = std::max({maxDiff, std::abs(qRed(c) - e[2]), std::abs(qGreen(c) - e[1]),
                            std::abs(qBlue(c) - e[0])});
      }
    QVERIFY2(maxDiff <= 1, qPrintable(QString::number(maxDiff)));
    QCOMPARE(model.cachedThumbnails(), 1);

    // The cache size comes from a setting.
    QSettings().setValue(MainWindow::thumbnailCacheKey(), 16);
    MainWindow w;
    QCOMPARE(w.imageModel()->thumbnailCacheMiB(), 16);
  }

  void predictionsSortAndFilterByConfidence() {
    TempDir dir;
    PredictedCopy c = copyWithPredictions(file_, dir, [](Ids& ids) {
      return std::vector<StoredPrediction>{
          prediction(ids["range4-6_0.png"], 5, 0.91),     // right
          prediction(ids["range4-6_1.png"], 5, 0.42),     // wrong (6)
          prediction(ids["range11-12_1.png"], 12, 0.67),  // right
          prediction(ids["unlabeled_0.png"], 9, 0.30)};   // no truth
    });
    const auto& file = c.file;
    Ids& id = c.id;
    const std::int64_t run = c.run;
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    QAbstractItemModel* rows = w.imageTable()->model();
    auto* runBox = child<QComboBox>(w, "filterRun");
    QVERIFY(runBox);
    QVERIFY(runBox->findData(QVariant::fromValue<qlonglong>(run)) > 0);
    chooseData(runBox, QVariant::fromValue<qlonglong>(run));
    QCOMPARE(w.imageModel()->runId(), run);

    w.browser()->setSort(FilterBar::Sort::ConfidenceAscending);
    QList<qint64> order = viewIds(rows);
    QCOMPARE(order.size(), 16);
    QCOMPARE(order.mid(0, 4), (QList<qint64>{id["unlabeled_0.png"], id["range4-6_1.png"],
                                             id["range11-12_1.png"], id["range4-6_0.png"]}));
    w.browser()->setSort(FilterBar::Sort::ConfidenceDescending);
    order = viewIds(rows);
    // Images without a prediction stay last in both orders.
    QCOMPARE(order.mid(0, 4), (QList<qint64>{id["range4-6_0.png"], id["range11-12_1.png"],
                                             id["range4-6_1.png"], id["unlabeled_0.png"]}));
    QCOMPARE(rows->index(0, ImageTableModel::Confidence).data().toString(),
             QStringLiteral("91.0%"));
    QCOMPARE(rows->index(0, ImageTableModel::Predicted).data().toString(), QStringLiteral("5"));

    chooseData(child<QComboBox>(w, "filterCorrectness"),
               static_cast<int>(ImageFilter::Correctness::Wrong));
    QCOMPARE(viewIds(rows), QList<qint64>{id["range4-6_1.png"]});
    chooseData(child<QComboBox>(w, "filterCorrectness"),
               static_cast<int>(ImageFilter::Correctness::Correct));
    QCOMPARE(rows->rowCount(), 2);
    child<QSpinBox>(w, "filterMinConfidence")->setValue(80);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range4-6_0.png"]});
    child<QComboBox>(w, "filterCorrectness")->setCurrentIndex(0);
    child<QSpinBox>(w, "filterMinConfidence")->setValue(0);
    child<QSpinBox>(w, "filterMaxConfidence")->setValue(50);
    QCOMPARE(rows->rowCount(), 2);
    chooseData(child<QComboBox>(w, "filterPredicted"), 9);
    QCOMPARE(viewIds(rows), QList<qint64>{id["unlabeled_0.png"]});
  }

  // Issue 16, finding 2: a tile the model called outside its curator's range looked like any
  // other (grey) when the image had no precise stage. It is marked (the role, an amber caption
  // naming the range) and the Outside-the-range filter shows exactly those images, counted
  // here from the stored predictions and the labels.
  void tilesPredictedOutsideTheirRangeAreMarked() {
    TempDir dir;
    PredictedCopy c = copyWithPredictions(file_, dir, [](Ids& ids) {
      // Predicted with the range constraint: the model says 10, the call is inside 13-17.
      StoredPrediction constrained = prediction(ids["range13-17_1.png"], 10, 0.5);
      constrainPrediction(constrained, *parseStageRange("13-17"));
      return std::vector<StoredPrediction>{
          prediction(ids["range4-6_0.png"], 5, 0.9),     // inside
          prediction(ids["range7-8_1.png"], 12, 0.8),    // outside 7-8
          prediction(ids["range11-12_0.png"], 13, 0.6),  // outside, wrong
          constrained,                                   // model outside
          prediction(ids["range1-3_0.png"], 6, 0.7),     // 1-3: never
          prediction(ids["unlabeled_0.png"], 9, 0.5)};   // no range
    });
    const std::int64_t run = c.run;
    const auto& file = c.file;
    Ids& id = c.id;
    // By hand from the store: the model's own stage outside the label's range (not 1-3).
    QList<qint64> expected;
    {
      Project p = Project::open(file, OpenMode::ReadOnly);
      for (const StoredPrediction& pr : runstore::predictions(p, run)) {
        const Label l = p.label(pr.imageId);
        if (l.range && l.range->last >= kMinFineStage && !l.range->contains(pr.stage))
          expected << pr.imageId;
      }
    }
    std::sort(expected.begin(), expected.end());
    QCOMPARE(expected,
             (QList<qint64>{id["range7-8_1.png"], id["range11-12_0.png"], id["range13-17_1.png"]}));

    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    QAbstractItemModel* rows = w.imageTable()->model();
    chooseData(child<QComboBox>(w, "filterRun"), QVariant::fromValue<qlonglong>(run));
    const ImageTableModel* model = w.imageModel();
    for (int r = 0; r < model->rowCount(); ++r)
      QCOMPARE(model->index(r, 0).data(ImageTableModel::OutsideRangeRole).toBool(),
               expected.contains(model->row(r).id));
    const auto at = [&](const char* f, int column, int role) {
      return model->index(model->rowOfImage(id[f]), column).data(role);
    };
    QCOMPARE(at("range7-8_1.png", 0, ImageTableModel::PredictionCaptionRole).toString(),
             QStringLiteral("→ 12 · 80% ≠ 7-8"));
    QCOMPARE(at("range4-6_0.png", 0, ImageTableModel::PredictionCaptionRole).toString(),
             QStringLiteral("→ 5 · 90%"));
    // The constrained call is shown (13: the range's stages tie at 0.5 / 13 each) with the
    // model's own; the tooltip names both.
    QCOMPARE(at("range13-17_1.png", ImageTableModel::Predicted, Qt::DisplayRole).toString(),
             QStringLiteral("13"));
    QCOMPARE(at("range13-17_1.png", 0, ImageTableModel::PredictionCaptionRole).toString(),
             QStringLiteral("→ 13 · 20% (model 10)"));
    QCOMPARE(at("range13-17_1.png", ImageTableModel::Predicted, Qt::ToolTipRole).toString(),
             QStringLiteral("The model predicts 10 (50%), outside the range 13-17; inside the "
                            "range: 13 at 20%"));
    QCOMPARE(at("range7-8_1.png", ImageTableModel::Predicted, Qt::ToolTipRole).toString(),
             QStringLiteral("The model predicts 12 (80%), outside the range 7-8"));

    auto* outside = child<QCheckBox>(w, "filterOutsideRange");
    QVERIFY(outside);
    QVERIFY(outside->isEnabled());
    outside->setChecked(true);
    QVERIFY(w.browser()->filter().outsideRange);
    QList<qint64> shown = viewIds(rows);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);
    // Kept with the project's view.
    QVERIFY(ImageFilter::fromVariant(w.browser()->filter().toVariant()).outsideRange);
    outside->setChecked(false);
    QCOMPARE(rows->rowCount(), 16);
  }

  void confusionCellShowsExactlyItsImages() {
    TempDir dir;
    std::filesystem::copy_file(file_, dir / "p.flystage");
    const auto file = dir / "p.flystage";
    std::int64_t run = 0, adHoc = 0;
    std::map<std::string, std::int64_t> id;
    {
      Project p = Project::open(file);
      id = idsByFile(p);
      run = makeRun(p);
      // The run's snapshot: test images with the stage they had then, one training image.
      runstore::setRunImages(p, run,
                             {{id["range4-6_1.png"], "test", 6, "4-6"},
                              {id["range9-10_1.png"], "test", 10, "9-10"},
                              {id["range11-12_1.png"], "test", 12, "11-12"},
                              {id["range13-17_0.png"], "test", 14, "13-17"},
                              {id["range11-12_0.png"], "train", 11, "11-12"}});
      runstore::savePredictions(
          p, run,
          {prediction(id["range4-6_1.png"], 5, 0.6), prediction(id["range9-10_1.png"], 11, 0.5),
           prediction(id["range11-12_1.png"], 11, 0.5), prediction(id["range13-17_0.png"], 14, 0.9),
           // a training image predicted 11 for stage 11: not in the matrix
           prediction(id["range11-12_0.png"], 11, 0.8),
           // predicted later for an unlabelled image: not in the matrix
           prediction(id["unlabeled_0.png"], 11, 0.4)});
      // Relabelled after the run: the matrix keeps counting the stage the run tested against.
      LabelHistory(p).setLabel(id["range11-12_1.png"], labelForStage(11, LabelSource::User));
      // A run with predictions but no snapshot (stored by hand): truth is the current label.
      adHoc = makeRun(p);
      runstore::savePredictions(
          p, adHoc,
          {prediction(id["range4-6_0.png"], 6, 0.7), prediction(id["range4-6_1.png"], 6, 0.7),
           prediction(id["range7-8_0.png"], 6, 0.7)});
    }
    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    QAbstractItemModel* rows = w.imageTable()->model();

    w.showConfusionCell(run, 12, 11);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range11-12_1.png"]});
    // The filter widgets show the cell.
    QCOMPARE(child<QComboBox>(w, "filterRun")->currentData().toLongLong(), run);
    QCOMPARE(child<QComboBox>(w, "filterTrueStage")->currentData().toInt(), 12);
    QCOMPARE(child<QComboBox>(w, "filterPredicted")->currentData().toInt(), 11);
    QVERIFY(child<QCheckBox>(w, "filterTestOnly")->isChecked());
    QVERIFY(child<QWidget>(w, "filterDetails")->isVisibleTo(&w));
    // The first image of the cell is selected and shown.
    QCOMPARE(w.imageView()->imageId(), id["range11-12_1.png"]);

    w.showConfusionCell(run, 11, 11);
    QVERIFY(viewIds(rows).isEmpty());  // the training image is not a test image
    w.showConfusionCell(run, 10, 11);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range9-10_1.png"]});
    w.showConfusionCell(run, 14, 14);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range13-17_0.png"]});
    // Every image in a cell is counted in exactly one cell: the cells add up to the test part.
    int total = 0;
    for (int t = kMinFineStage; t <= kMaxStage; ++t)
      for (int pr = kMinFineStage; pr <= kMaxStage; ++pr) {
        w.showConfusionCell(run, t, pr);
        total += rows->rowCount();
      }
    QCOMPARE(total, 4);

    w.showConfusionCell(adHoc, 6, 6);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range4-6_1.png"]});
    QVERIFY(!child<QCheckBox>(w, "filterTestOnly")->isChecked());
    w.showConfusionCell(adHoc, 5, 6);
    QCOMPARE(viewIds(rows), QList<qint64>{id["range4-6_0.png"]});
  }

  void imageViewShowsPixelsPredictionAndSaliency() {
    TempDir dir;
    // An image whose original file is deleted after the import.
    const auto images = dir / "images";
    std::filesystem::create_directories(images);
    for (const Row& r : kRows)
      std::filesystem::copy_file(test::samplesDir() / r.file, images / r.file);
    const auto file = makeProject(dir, images);
    std::map<std::string, std::int64_t> id;
    std::int64_t run = 0;
    {
      Project p = Project::open(file);
      id = idsByFile(p);
      run = makeRun(p);
      runstore::savePredictions(p, run, {prediction(id["range11-12_1.png"], 11, 0.55)});
    }
    std::filesystem::remove(images / "range4-6_0.png");

    MainWindow w;
    QVERIFY(w.openProject(qs(file)));
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ui::ImageView* view = w.imageView();
    ImageFilter f;
    f.runId = run;
    QVERIFY(w.setImageFilter(f));

    QVERIFY(w.browser()->selectImage(id["range11-12_1.png"]));
    QCOMPARE(view->imageId(), id["range11-12_1.png"]);
    QCOMPARE(view->displayedImage().size(), QSize(320, 128));
    QTRY_VERIFY(view->originalShown());
    QVERIFY(view->originalNote().isEmpty());
    // The chart holds the stored probabilities, stage 4 first.
    const QVector<double> probabilities = view->probabilities();
    QCOMPARE(probabilities.size(), kNumFineStages);
    QCOMPARE(probabilities[11 - kMinFineStage], double(prediction(0, 11, 0.55).probabilities[7]));
    QVERIFY2(view->predictionText().contains(QStringLiteral("wrong: true stage 12")),
             qPrintable(view->predictionText()));

    QVERIFY(w.browser()->selectImage(id["range4-6_0.png"]));
    QVERIFY(view->originalMissing());
    QVERIFY2(view->originalNote().contains(QStringLiteral("missing")) &&
                 view->originalNote().contains(QStringLiteral("range4-6_0.png")),
             qPrintable(view->originalNote()));
    QCOMPARE(view->displayedImage().size(), QSize(320, 128));  // the stored copy still shows
    QVERIFY(view->probabilities().isEmpty());

    // Saliency: asked for when turned on and when the method changes.
    QSignalSpy requested(view, &ui::ImageView::saliencyRequested);
    view->setSaliencyEnabled(true);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.last().at(0).toLongLong(), id["range4-6_0.png"]);
    QCOMPARE(requested.last().at(1).toString(), QStringLiteral("vanilla"));
    view->setSaliencyMethod(QStringLiteral("smoothgrad"));
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().at(1).toString(), QStringLiteral("smoothgrad"));
    const QImage plain = view->displayedImage();
    // A map at a model input size of 64 x 160, hot in its left half.
    cv::Mat map = cv::Mat::zeros(64, 160, CV_32F);
    map(cv::Rect(0, 0, 80, 64)).setTo(3.0f);
    view->setSaliencyMap(id["range9-10_0.png"], map);  // another image's: ignored
    QVERIFY(!view->hasSaliencyMap());
    view->setColormap(QStringLiteral("jet"));
    view->setOpacity(0.5);
    view->setSaliencyMap(id["range4-6_0.png"], map);
    QVERIFY(view->hasSaliencyMap());
    const QImage overlaid = view->displayedImage();
    QVERIFY(overlaid != plain);
    // The view shows core's overlay byte for byte (the one a saliency figure draws): left,
    // half jet's top colour (dark red, BGR 0,0,128) over the image; right, where the map is 0,
    // the image itself (the GUI's former copy blended jet's blue over it).
    const auto bgrOf = [](const QImage& image) {
      const QImage bgr = image.convertToFormat(QImage::Format_BGR888);
      return cv::Mat(bgr.height(), bgr.width(), CV_8UC3, const_cast<uchar*>(bgr.constBits()),
                     static_cast<std::size_t>(bgr.bytesPerLine()))
          .clone();
    };
    const cv::Mat expected =
        saliencyOverlay(bgrOf(plain), map, Colormap::Jet, kSaliencyQuantile, 0.5);
    const cv::Mat shown = bgrOf(overlaid);
    QCOMPARE(shown.size(), expected.size());
    QCOMPARE(cv::norm(shown, expected, cv::NORM_INF), 0.0);
    const QRgb base = plain.pixel(40, 64), left = overlaid.pixel(40, 64);
    QCOMPARE(qRed(left), cvRound(0.5 * 128 + 0.5 * qRed(base)));
    QCOMPARE(qGreen(left), cvRound(0.5 * qGreen(base)));
    QCOMPARE(qBlue(left), cvRound(0.5 * qBlue(base)));
    QCOMPARE(overlaid.pixel(280, 64), plain.pixel(280, 64));
    view->setSaliencyEnabled(false);
    QCOMPARE(view->displayedImage(), plain);
    // Another image with the overlay on asks again for that image.
    view->setSaliencyEnabled(true);
    const int before = requested.count();
    QVERIFY(w.browser()->selectImage(id["range9-10_0.png"]));
    QCOMPARE(requested.count(), before + 1);
    QCOMPARE(requested.last().at(0).toLongLong(), id["range9-10_0.png"]);
    QVERIFY(!view->hasSaliencyMap());
  }

  // The image view states the same call as the browser and the A key: inside the known range
  // when the prediction was constrained, with the model's own call beside it.
  void imageViewShowsTheRangeConstrainedCall() {
    TempDir dir;
    std::filesystem::copy_file(file_, dir / "c.flystage");
    std::int64_t image = 0, run = 0;
    {
      Project p = Project::open(dir / "c.flystage", OpenMode::Existing);
      image = idsByFile(p)["range11-12_1.png"];  // range 11-12, true stage 12
      run = makeRun(p);
      StoredPrediction pr = prediction(image, 13, 0.4);  // the model alone says 13
      pr.probabilities[12 - kMinFineStage] = 0.3f;
      pr.probabilities[11 - kMinFineStage] = 0.1f;
      constrainPrediction(pr, parseStageRange("11-12"));
      QCOMPARE(pr.call(), 12);
      runstore::savePredictions(p, run, {pr});
    }
    MainWindow w;
    QVERIFY(w.openProject(qs(dir / "c.flystage")));
    ImageFilter f;
    f.runId = run;
    QVERIFY(w.setImageFilter(f));
    QVERIFY(w.browser()->selectImage(image));
    QCOMPARE(w.imageView()->predictionText(),
             QStringLiteral("Predicted stage 12 (75%) inside the range 11-12 · the model alone: 13 "
                            "(40%) · right: true stage 12"));
  }

  void colourMapChoicesAreCores() {
    // The image view's colour map chooser lists core's maps, in core's order.
    MainWindow w;
    QVERIFY(w.openProject(qs(file_)));
    auto* box = child<QComboBox>(w, "saliencyColormap");
    QStringList names;
    for (const auto& n : colormapNames()) names << QString::fromStdString(n);
    QStringList shown;
    for (int i = 0; i < box->count(); ++i) shown << box->itemData(i).toString();
    QCOMPARE(shown, names);
    QCOMPARE(box->itemText(0), QStringLiteral("inferno"));
  }

  void reopeningRestoresTheView() {
    TempDir dir;
    std::filesystem::copy_file(file_, dir / "p.flystage");
    const auto file = dir / "p.flystage";
    std::int64_t selected = 0;
    QList<int> sizes;
    {
      MainWindow w;
      QVERIFY(w.openProject(qs(file)));
      w.resize(1300, 800);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      ImageFilter f;
      f.range = parseStageRange("11-12");
      f.text = QStringLiteral("range");
      QVERIFY(w.setImageFilter(f));
      w.browser()->setViewMode(ImageBrowser::ViewMode::Table);
      QVERIFY(w.browser()->selectRow(1));
      selected = w.browser()->currentImageId();
      auto* splitter = child<QSplitter>(w, "projectSplitter");
      splitter->setSizes({300, 500, 500});
      sizes = splitter->sizes();
      w.close();  // saves the settings, as quitting does
    }
    MainWindow again;
    QVERIFY(again.restoreLastProject());
    again.resize(1300, 800);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.windowTitle(), QStringLiteral("FlyStage — p.flystage"));
    QCOMPARE(again.browser()->viewMode(), ImageBrowser::ViewMode::Table);
    QCOMPARE(again.browser()->filter().range, parseStageRange("11-12"));
    QCOMPARE(child<QComboBox>(again, "filterRange")->currentData().toString(),
             QStringLiteral("11-12"));
    QCOMPARE(child<QLineEdit>(again, "imageFilter")->text(), QStringLiteral("range"));
    QCOMPARE(again.imageTable()->model()->rowCount(), 2);
    QCOMPARE(again.browser()->currentImageId(), selected);
    QCOMPARE(again.imageView()->imageId(), selected);
    qInfo() << child<QSplitter>(again, "projectSplitter")->sizes() << sizes;
    QCOMPARE(child<QSplitter>(again, "projectSplitter")->sizes(), sizes);
  }

  // Issue 16 (5): a project never opened on this machine (the demo) opens on the finished run
  // that predicted the most images, so every thumbnail shows its predicted stage at once.
  void aProjectOpenedForTheFirstTimeShowsItsPredictions() {
    TempDir dir;
    std::filesystem::copy_file(file_, dir / "first.flystage");
    std::int64_t few = 0, all = 0;
    {
      Project p = Project::open(dir / "first.flystage", OpenMode::Existing);
      const auto ids = idsByFile(p);
      few = makeRun(p);
      all = makeRun(p);
      std::vector<StoredPrediction> some, every;
      for (const auto& [name, id] : ids) {
        every.push_back(prediction(id, 9, 0.7));
        if (some.size() < 3) some.push_back(prediction(id, 12, 0.6));
      }
      runstore::savePredictions(p, few, some);
      runstore::savePredictions(p, all, every);
    }
    MainWindow w;
    QVERIFY(w.openProject(qs(dir / "first.flystage")));
    QCOMPARE(w.browser()->filter().runId, all);
    const QAbstractItemModel* m = w.imageTable()->model();
    QCOMPARE(m->rowCount(), 16);
    for (int r = 0; r < m->rowCount(); ++r)
      QVERIFY2(m->index(r, 0)
                   .data(ImageTableModel::PredictionCaptionRole)
                   .toString()
                   .startsWith(QStringLiteral("→ 9")),
               qPrintable(m->index(r, 0).data(ImageTableModel::PredictionCaptionRole).toString()));
  }

  void fortyThousandImagesStayFluid() {
    // 40 000 rows straight into the store, all sharing one small standardized image.
    TempDir dir;
    const auto file = dir / "big.flystage";
    constexpr int kImages = 40000;
    {
      Project p = Project::open(file);
      const cv::Mat grey(128, 320, CV_8UC3, cv::Scalar(90, 120, 150));
      const std::string png = encodePng(grey);
      SQLite::Transaction tx(p.db());
      SQLite::Statement image(p.db(),
                              "INSERT INTO images(id, path, sha256, gene, width, height, "
                              "channels, bit_depth) VALUES (?, ?, ?, ?, 320, 128, 3, 8)");
      SQLite::Statement pixels(p.db(),
                               "INSERT INTO standardized(image_id, png, angle, passthrough, "
                               "auto_flip_h, auto_flip_v, ap_confidence, dv_confidence) VALUES "
                               "(?, ?, 0, 1, 0, 0, 1, 1)");
      SQLite::Statement label(p.db(),
                              "INSERT INTO labels(image_id, stage_range, source) VALUES (?, ?, "
                              "'import')");
      for (int i = 1; i <= kImages; ++i) {
        image.bind(1, i);
        image.bind(2, "/data/img" + std::to_string(i) + ".png");
        image.bind(3, std::to_string(i));
        image.bind(4, i % 7 == 0 ? "eve" : "ftz");
        image.exec();
        image.reset();
        pixels.bind(1, i);
        pixels.bind(2, png.data(), static_cast<int>(png.size()));
        pixels.exec();
        pixels.reset();
        if (i % 3 != 0) {
          label.bind(1, i);
          label.bind(2, stageRangeFromIndex(i % 6).name());
          label.exec();
          label.reset();
        }
      }
      tx.commit();
    }
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::time_point since) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
    };
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto t = Clock::now();
    QVERIFY(w.openProject(qs(file)));
    QCoreApplication::processEvents();
    const auto openMs = ms(t);
    QCOMPARE(w.imageTable()->model()->rowCount(), kImages);

    t = Clock::now();
    ImageFilter f;
    f.range = parseStageRange("11-12");
    f.gene = QStringLiteral("eve");
    QVERIFY(w.setImageFilter(f));
    const auto filterMs = ms(t);
    Project store = Project::open(file, OpenMode::ReadOnly);
    QCOMPARE(w.imageTable()->model()->rowCount(),
             count(store,
                   "SELECT count(*) FROM images i JOIN labels l ON l.image_id = i.id "
                   "WHERE l.stage_range = '11-12' AND i.gene = 'eve'"));
    QVERIFY(w.setImageFilter(ImageFilter{}));
    t = Clock::now();
    w.browser()->setSort(FilterBar::Sort::Column);
    w.imageTable()->sortByColumn(ImageTableModel::StageRange, Qt::DescendingOrder);
    const auto sortMs = ms(t);

    // Scrolling the grid to the end decodes only what is on screen, off the GUI thread.
    QListView* grid = w.browser()->grid();
    t = Clock::now();
    grid->scrollToBottom();
    QTest::qWait(50);
    const auto scrollMs = ms(t);
    const QModelIndex last = grid->model()->index(kImages - 1, grid->modelColumn());
    QTRY_VERIFY(last.data(ImageTableModel::ThumbnailReadyRole).toBool());
    QVERIFY2(w.imageModel()->cachedThumbnails() < 400,
             qPrintable(QString::number(w.imageModel()->cachedThumbnails())));
    qInfo("40000 images: open %lld ms, filter %lld ms, sort %lld ms, scroll %lld ms",
          static_cast<long long>(openMs), static_cast<long long>(filterMs),
          static_cast<long long>(sortMs), static_cast<long long>(scrollMs));
    // Generous bounds for a busy 2-core machine; a GUI-thread decode of every image alone
    // would take far longer.
    QVERIFY(openMs < 5000);
    QVERIFY(filterMs < 1500);
    QVERIFY(sortMs < 3000);
  }
};

QTEST_MAIN(BrowserTest)
#include "BrowserTest.moc"
