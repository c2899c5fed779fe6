#include <QtTest>

#include <QMenuBar>
#include <QTranslator>

#include "MainWindow.h"
#include "support/TestSupport.h"

// The German and Chinese translations compiled at build time load and reach the real window.
class TranslationTest : public QObject {
  Q_OBJECT

  static QStringList menuTitles(const QString& language) {
    QTranslator translator;
    if (!translator.load(QStringLiteral(FLYSTAGE_QM_DIR "/flystage_") + language +
                         QStringLiteral(".qm")))
      return {};
    QCoreApplication::installTranslator(&translator);
    QStringList titles;
    {
      flystage::ui::MainWindow w;
      for (QAction* a : w.menuBar()->actions()) titles << a->text();
    }
    QCoreApplication::removeTranslator(&translator);
    return titles;
  }

 private Q_SLOTS:
  void menusAreTranslated() {
    const QStringList english = menuTitles(QStringLiteral("en"));  // no such file: English
    QVERIFY(english.isEmpty());
    QStringList source;
    {
      flystage::ui::MainWindow w;
      for (QAction* a : w.menuBar()->actions()) source << a->text();
    }
    QCOMPARE(source, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"),
                                  QStringLiteral("&Label"), QStringLiteral("&View"),
                                  QStringLiteral("&Train"), QStringLiteral("&Help")}));
    const QStringList german = menuTitles(QStringLiteral("de"));
    QCOMPARE(german.size(), source.size());
    QCOMPARE(german.first(), QStringLiteral("&Datei"));
    const QStringList chinese = menuTitles(QStringLiteral("zh_CN"));
    QCOMPARE(chinese.first(), QStringLiteral("文件(&F)"));
    for (int i = 0; i < source.size(); ++i) {
      QVERIFY2(german[i] != source[i] || source[i] == QStringLiteral("&Label"),
               qPrintable(german[i]));
      QVERIFY2(chinese[i] != source[i], qPrintable(chinese[i]));
    }
  }
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"
