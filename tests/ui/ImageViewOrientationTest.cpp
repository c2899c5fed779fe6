// Issue 16, finding 7: the image view shows how each image was oriented and how sure the
// shape cues were (anterior-posterior, dorsal-ventral), and an automatic flip, sure or not,
// is undone there with one click: the stored orientation override changes, the picture is
// drawn again, and the write never holds up the GUI. Real BDGP samples throughout:
// unlabeled_0 as it is (framed: no cue, no flip), unlabeled_0 padded with its own background
// (its frame cut is then invisible, so it is flipped dorsal-down at low confidence: the case
// a user must be able to undo), range7-8_1 padded and mirrored top to bottom (flipped back
// at full confidence) and the crop range1-3_0 (passed through).

#include <QtTest>

#include <QFont>
#include <QLabel>
#include <QSignalSpy>
#include <QToolButton>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "ImageBrowser.h"
#include "ImageTableModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "OrientationRow.h"
#include "ThumbnailLoader.h"
#include "data/ImageIo.h"
#include "image/Standardizer.h"
#include "importer/ImportPlan.h"
#include "importer/Importer.h"
#include "store/OrientationOverride.h"
#include "store/Project.h"
#include "store/WriteTransaction.h"
#include "support/TestSupport.h"

using namespace flystage;
using flystage::test::qs;
using flystage::test::TempDir;
using flystage::ui::ImageView;
using flystage::ui::OrientationRow;

namespace {

cv::Mat load(const std::string& name) {
  return readImage(test::samplesDir() / name).bgr;
}

// Per-channel median of the image's outermost row and column of pixels: its background
// (the embryo touches the frame in places, but covers far less than half of it).
cv::Scalar frameMedian(const cv::Mat& bgr) {
  cv::Scalar out;
  for (int c = 0; c < 3; ++c) {
    std::vector<uchar> v;
    for (int x = 0; x < bgr.cols; ++x) {
      v.push_back(bgr.at<cv::Vec3b>(0, x)[c]);
      v.push_back(bgr.at<cv::Vec3b>(bgr.rows - 1, x)[c]);
    }
    for (int y = 0; y < bgr.rows; ++y) {
      v.push_back(bgr.at<cv::Vec3b>(y, 0)[c]);
      v.push_back(bgr.at<cv::Vec3b>(y, bgr.cols - 1)[c]);
    }
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    out[c] = v[v.size() / 2];
  }
  return out;
}

cv::Mat pad(const cv::Mat& bgr, int pixels, const cv::Scalar& colour) {
  cv::Mat out;
  cv::copyMakeBorder(bgr, out, pixels, pixels, pixels, pixels, cv::BORDER_CONSTANT, colour);
  return out;
}

// The four inputs, by file name.
std::map<std::string, cv::Mat> inputs() {
  const cv::Mat framed = load("unlabeled_0.png");
  cv::Mat turned;
  cv::flip(pad(load("range7-8_1.png"), 90, cv::Scalar(255, 255, 255)), turned, 0);
  return {{"framed.png", framed},
          {"padded.png", pad(framed, 40, frameMedian(framed))},
          {"turned.png", turned},
          {"crop.png", load("range1-3_0.png")}};
}

// A project holding the four inputs; image ids by file name.
std::map<std::string, qint64> makeProject(const std::filesystem::path& file,
                                          const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  for (const auto& [name, image] : inputs())
    if (!cv::imwrite((folder / name).string(), image)) throw std::runtime_error("cannot write");
  Project p = Project::open(file);
  const auto r = runImport(p, planFolder(folder), {});
  if (!r.committed || r.imported != 4) throw std::runtime_error("import failed");
  std::map<std::string, qint64> ids;
  for (std::int64_t id : p.imageIds())
    ids[std::filesystem::path(p.image(id)->path).filename().string()] = id;
  return ids;
}

QToolButton* button(const QWidget& w, const char* name) {
  return w.findChild<QToolButton*>(QString::fromLatin1(name));
}

OrientationRow* rowOf(const ImageView& v) {
  return v.findChild<OrientationRow*>(QStringLiteral("orientationRow"));
}

cv::Mat fromQImage(const QImage& image) {
  const QImage bgr = image.convertToFormat(QImage::Format_BGR888);
  return cv::Mat(bgr.height(), bgr.width(), CV_8UC3, const_cast<uchar*>(bgr.constBits()),
                 static_cast<std::size_t>(bgr.bytesPerLine()))
      .clone();
}

// Clicks `b` and waits until the row has stored the fix.
bool clickAndStore(ImageView& view, QToolButton* b) {
  QSignalSpy stored(&view, &ImageView::orientationChanged);
  b->click();
  return stored.count() == 1 || stored.wait(15000);
}

}  // namespace

class ImageViewOrientationTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    test::useThrowAwaySettings(QStringLiteral("ImageViewOrientationTest"), qs(settingsDir_.path()));
    file_ = dir_ / "o.flystage";
    ids_ = makeProject(file_, dir_ / "images");
  }

  void confidencesAreShown() {
    Project p = Project::open(file_, OpenMode::ReadOnly);
    ImageView view;
    view.setProject(&p);
    view.show();
    OrientationRow* row = rowOf(view);
    QVERIFY(row);
    auto label = [&] { return view.findChild<QLabel*>(QStringLiteral("orientationText"))->text(); };

    // Framed: the frame cuts both poles and the ventral side, so no cue counts and nothing
    // was flipped (issue 16: it was flipped dorsal-down at D-V 71%).
    view.showImage(ids_["framed.png"]);
    QVERIFY(row->isVisible());
    QCOMPARE(label(), QStringLiteral("Not flipped automatically (confidence: A-P 0%, D-V 0%)"));
    QVERIFY(!row->unsure());
    QVERIFY(!button(view, "undoAutoFlipButton")->isVisible());

    // Upside down (mirrored top to bottom): both cues sure, flipped back dorsal-up.
    view.showImage(ids_["turned.png"]);
    QCOMPARE(label(), QStringLiteral("Flipped dorsal-ventral automatically (confidence: A-P "
                                     "100%, D-V 100%)"));
    QVERIFY(!row->unsure());
    QVERIFY(button(view, "undoAutoFlipButton")->isVisible());

    // Padded: flipped dorsal-down, and marked as unsure (under 80%).
    view.showImage(ids_["padded.png"]);
    const StoredOrientation s = row->stored();
    QVERIFY(!s.autoFlipH && s.autoFlipV);
    QVERIFY2(s.dvConfidence >= 0.5 && s.dvConfidence < 0.8,
             QByteArray::number(s.dvConfidence).constData());
    QCOMPARE(label(), QStringLiteral("Flipped dorsal-ventral automatically (confidence: A-P "
                                     "%1%, D-V %2%) · unsure: check it")
                          .arg(qRound(s.apConfidence * 100))
                          .arg(qRound(s.dvConfidence * 100)));
    QVERIFY(row->unsure());
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("orientationText"))->font().bold());

    // A crop passes through: its cues are reported, it is never flipped.
    view.showImage(ids_["crop.png"]);
    QCOMPARE(label(), QStringLiteral("Passed through as a standardized crop, never flipped "
                                     "automatically (cues: A-P 100%, D-V 0%)"));

    // Read-only: shown, but nothing can be changed.
    for (const char* name : {"undoAutoFlipButton", "flipApButton", "flipDvButton"})
      QVERIFY2(!button(view, name)->isEnabled(), name);
    view.showImage(0);
    QVERIFY(!row->isVisible());
  }

  void anUnsureFlipIsUndoneAndRedone() {
    TempDir copy;
    const auto file = copy / "p.flystage";
    std::filesystem::copy_file(file_, file);
    const qint64 id = ids_["padded.png"];
    Project p = Project::open(file, OpenMode::Existing);
    ImageView view;
    view.setProject(&p);
    view.show();
    view.showImage(id);
    const cv::Mat autoFlipped = fromQImage(view.displayedImage());
    QVERIFY(test::equalImages(autoFlipped, p.standardizedImage(id)));

    QToolButton* undo = button(view, "undoAutoFlipButton");
    QVERIFY(undo->isVisible() && undo->isEnabled() && !undo->isChecked());
    QVERIFY(clickAndStore(view, undo));
    // The stored fix cancels the automatic vertical flip ...
    const OrientationOverride fix = orientationOverride(p, id);
    QVERIFY(!fix.flipHorizontal && fix.flipVertical);
    QVERIFY(undo->isChecked());
    QVERIFY(button(view, "flipDvButton")->isChecked());
    // ... so the image is shown as it came: exactly the standardizer's output with automatic
    // orientation off, in the project and on screen.
    StandardizeOptions off;
    off.autoOrient = false;
    const cv::Mat asImported = Standardizer(off).run(inputs()["padded.png"]).image;
    QVERIFY(test::equalImages(p.standardizedImage(id), asImported));
    QVERIFY(test::equalImages(fromQImage(view.displayedImage()), asImported));
    const QString text = rowOf(view)->text();
    QVERIFY2(text.contains(QStringLiteral("automatic flip undone: shown as imported")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("unsure")), qPrintable(text));
    QVERIFY(!rowOf(view)->unsure());
    QVERIFY(!view.findChild<QLabel*>(QStringLiteral("orientationText"))->font().bold());

    // Pressed again: the automatic flip is back.
    QVERIFY(clickAndStore(view, undo));
    QVERIFY(!orientationOverride(p, id).flipHorizontal && !orientationOverride(p, id).flipVertical);
    QVERIFY(!undo->isChecked());
    QVERIFY(test::equalImages(fromQImage(view.displayedImage()), autoFlipped));
  }

  void flipButtonsSetTheManualFix() {
    TempDir copy;
    const auto file = copy / "p.flystage";
    std::filesystem::copy_file(file_, file);
    const qint64 id = ids_["framed.png"];
    Project p = Project::open(file, OpenMode::Existing);
    ImageView view;
    view.setProject(&p);
    view.showImage(id);
    const cv::Mat before = p.standardizedImage(id);

    QVERIFY(clickAndStore(view, button(view, "flipApButton")));
    QVERIFY(orientationOverride(p, id).flipHorizontal && !orientationOverride(p, id).flipVertical);
    QCOMPARE(rowOf(view)->text(), QStringLiteral("Not flipped automatically (confidence: A-P "
                                                 "0%, D-V 0%) · flipped by hand: A-P"));
    QCOMPARE(rowOf(view)->note(), QStringLiteral("Stored. Predict again for this image: its "
                                                 "prediction was made on the old pixels."));
    cv::Mat mirrored;
    cv::flip(before, mirrored, 1);
    QVERIFY(test::equalImages(fromQImage(view.displayedImage()), mirrored));

    QVERIFY(clickAndStore(view, button(view, "flipDvButton")));
    QVERIFY(orientationOverride(p, id).flipHorizontal && orientationOverride(p, id).flipVertical);
    QVERIFY(clickAndStore(view, button(view, "flipApButton")));
    QVERIFY(clickAndStore(view, button(view, "flipDvButton")));
    QVERIFY(!orientationOverride(p, id).flipHorizontal && !orientationOverride(p, id).flipVertical);
    QVERIFY(test::equalImages(fromQImage(view.displayedImage()), before));
  }

  void aBusyProjectDoesNotHoldUpTheGui() {
    // Another writer holds the project (as an import does for its whole run): the click
    // returns at once, the row says it is storing, and the fix is stored once the other
    // writer lets go.
    TempDir copy;
    const auto file = copy / "p.flystage";
    std::filesystem::copy_file(file_, file);
    const qint64 id = ids_["turned.png"];
    Project p = Project::open(file, OpenMode::Existing);
    ImageView view;
    view.setProject(&p);
    view.showImage(id);
    QSignalSpy stored(&view, &ImageView::orientationChanged);
    {
      Project other = Project::open(file, OpenMode::Existing);
      WriteTransaction hold(other.db());
      const auto start = std::chrono::steady_clock::now();
      button(view, "undoAutoFlipButton")->click();
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      QVERIFY2(ms < 500, QByteArray::number(static_cast<qlonglong>(ms)).constData());
      QVERIFY(rowOf(view)->isSaving());
      QCOMPARE(rowOf(view)->note(), QStringLiteral("Storing the orientation…"));
      for (const char* name : {"undoAutoFlipButton", "flipApButton", "flipDvButton"})
        QVERIFY2(!button(view, name)->isEnabled(), name);
      QTest::qWait(300);  // the GUI's event loop runs meanwhile
      QCOMPARE(stored.count(), 0);
      // The user goes on to another image meanwhile.
      view.showImage(ids_["framed.png"]);
      QVERIFY(rowOf(view)->note().isEmpty());
      QVERIFY(!button(view, "flipApButton")->isEnabled());
    }  // the other writer rolls back and lets go
    QVERIFY(stored.count() == 1 || stored.wait(15000));
    QCOMPARE(stored.at(0).at(0).toLongLong(), id);
    QVERIFY(!orientationOverride(p, id).flipHorizontal && orientationOverride(p, id).flipVertical);
    const OrientationOverride other = orientationOverride(p, ids_["framed.png"]);
    QVERIFY(!other.flipHorizontal && !other.flipVertical);
    // The image shown now can be fixed again.
    QVERIFY(button(view, "flipApButton")->isEnabled());
    QVERIFY(rowOf(view)->note().isEmpty());
  }

  void theThumbnailFollowsInTheMainWindow() {
    TempDir copy;
    const auto file = copy / "p.flystage";
    std::filesystem::copy_file(file_, file);
    const qint64 id = ids_["padded.png"];
    ui::MainWindow w;
    QVERIFY(w.openProject(qs(file), OpenMode::Existing, false));
    w.browser()->selectImage(id);
    QCOMPARE(w.imageView()->imageId(), id);
    auto* loader = w.browser()->model()->thumbnailLoader();
    loader->waitForIdle();
    QCoreApplication::processEvents();
    QSignalSpy loaded(loader, &ui::ThumbnailLoader::loaded);
    QVERIFY(clickAndStore(*w.imageView(), button(*w.imageView(), "undoAutoFlipButton")));
    // The thumbnail is decoded again from the pixels as they read now.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(loaded.begin(), loaded.end(),
                    [&](const QList<QVariant>& a) { return a.at(0).toLongLong() == id; }),
        15000);
  }

 private:
  TempDir settingsDir_;
  TempDir dir_;
  std::filesystem::path file_;
  std::map<std::string, qint64> ids_;
};

QTEST_MAIN(ImageViewOrientationTest)
#include "ImageViewOrientationTest.moc"
