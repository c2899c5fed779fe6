#include "Preferences.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>

namespace flystage::ui {

namespace {
// Every QSettings key of the desktop app. Keep the strings: users' settings are stored under them.
const QString kDevice = QStringLiteral("preferences/device");
const QString kThreads = QStringLiteral("preferences/threads");
const QString kCache = QStringLiteral("browser/thumbnailCacheMiB");
const QString kLanguage = QStringLiteral("preferences/language");
const QString kRangeConstraint = QStringLiteral("prediction/rangeConstraint");
const QString kRecent = QStringLiteral("recentProjects");
const QString kLast = QStringLiteral("lastProject");
const QString kLastDir = QStringLiteral("lastProjectDir");
const QString kAdvance = QStringLiteral("labelling/advance");
const QString kLabeller = QStringLiteral("labelling/labeller");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kDockState = QStringLiteral("mainWindow/state");
// The project page has three panes since the browser; a two-pane state is not applied.
const QString kProjectSplitter = QStringLiteral("mainWindow/projectSplitter");
const QString kImageSplitter = QStringLiteral("mainWindow/imageSplitter");
const QString kTableHeader = QStringLiteral("browser/tableHeader");
const QString kImportKind = QStringLiteral("import/kind");
const QString kImportSource = QStringLiteral("import/source");
const QString kImportImagesRoot = QStringLiteral("import/imagesRoot");

// One settings group per project file: the SHA-1 of its path.
QString viewGroup(const QString& projectFile) {
  return QStringLiteral("projectViews/") +
         QString::fromLatin1(
             QCryptographicHash::hash(projectFile.toUtf8(), QCryptographicHash::Sha1).toHex());
}

const QString& layoutKey(Preferences::Layout part) {
  switch (part) {
    case Preferences::Layout::Geometry:
      return kGeometry;
    case Preferences::Layout::DockState:
      return kDockState;
    case Preferences::Layout::ProjectSplitter:
      return kProjectSplitter;
    case Preferences::Layout::ImageSplitter:
      return kImageSplitter;
    case Preferences::Layout::TableHeader:
      break;
  }
  return kTableHeader;
}

void setOrRemove(const QString& key, const QVariant& value, bool remove) {
  QSettings s;
  if (remove)
    s.remove(key);
  else
    s.setValue(key, value);
}
}  // namespace

Preferences Preferences::load() {
  QSettings s;
  Preferences p;
  p.device = s.value(kDevice, p.device).toString();
  if (p.device != QStringLiteral("cpu") && p.device != QStringLiteral("cuda"))
    p.device = QStringLiteral("auto");
  p.threads = qBound(0, s.value(kThreads, p.threads).toInt(), 1024);
  p.thumbnailCacheMiB = qBound(16, s.value(kCache, p.thumbnailCacheMiB).toInt(), 16384);
  p.language = s.value(kLanguage, p.language).toString();
  p.rangeConstraint = s.value(kRangeConstraint, p.rangeConstraint).toBool();
  p.labellerName = labeller();
  return p;
}

void Preferences::save() const {
  QSettings s;
  s.setValue(kDevice, device);
  s.setValue(kThreads, threads);
  s.setValue(kCache, thumbnailCacheMiB);
  s.setValue(kLanguage, language);
  s.setValue(kRangeConstraint, rangeConstraint);
  s.setValue(kLabeller, labellerName.trimmed());
}

QString Preferences::thumbnailCacheKey() {
  return kCache;
}

QStringList Preferences::recentProjects() {
  return QSettings().value(kRecent).toStringList();
}

void Preferences::setRecentProjects(const QStringList& files) {
  setOrRemove(kRecent, files, files.isEmpty());
}

QString Preferences::lastProject() {
  return QSettings().value(kLast).toString();
}

void Preferences::setLastProject(const QString& file) {
  setOrRemove(kLast, file, file.isEmpty());
}

QString Preferences::lastProjectDir() {
  return QSettings().value(kLastDir, QDir::homePath()).toString();
}

void Preferences::setLastProjectDir(const QString& dir) {
  QSettings().setValue(kLastDir, dir);
}

QString Preferences::labeller() {
  QSettings s;
  if (s.contains(kLabeller)) return s.value(kLabeller).toString();
  // Until one is chosen: the login name, so two people's labels are told apart by default.
  QString login = qEnvironmentVariable("USER");
  if (login.isEmpty()) login = qEnvironmentVariable("USERNAME");
  return login;
}

void Preferences::setLabeller(const QString& name) {
  QSettings().setValue(kLabeller, name.trimmed());
}

bool Preferences::advanceAfterLabelling() {
  return QSettings().value(kAdvance, true).toBool();
}

void Preferences::setAdvanceAfterLabelling(bool on) {
  QSettings().setValue(kAdvance, on);
}

QByteArray Preferences::layout(Layout part) {
  return QSettings().value(layoutKey(part)).toByteArray();
}

void Preferences::setLayout(Layout part, const QByteArray& state) {
  QSettings().setValue(layoutKey(part), state);
}

QVariantMap Preferences::projectView(const QString& projectFile) {
  QSettings s;
  s.beginGroup(viewGroup(projectFile));
  QVariantMap view;
  for (const QString& key : s.childKeys()) view.insert(key, s.value(key));
  return view;
}

void Preferences::setProjectView(const QString& projectFile, const QVariantMap& view) {
  QSettings s;
  s.beginGroup(viewGroup(projectFile));
  s.setValue(QStringLiteral("project"), projectFile);
  for (auto it = view.constBegin(); it != view.constEnd(); ++it) s.setValue(it.key(), it.value());
}

Preferences::ImportChoices Preferences::importChoices() {
  QSettings s;
  return {s.value(kImportKind, 0).toInt(), s.value(kImportSource).toString(),
          s.value(kImportImagesRoot).toString()};
}

void Preferences::setImportChoices(const ImportChoices& choices) {
  QSettings s;
  s.setValue(kImportKind, choices.kind);
  s.setValue(kImportSource, choices.source);
  s.setValue(kImportImagesRoot, choices.imagesRoot);
}

}  // namespace flystage::ui
