#include <QtTest>

#include <QMenuBar>
#include <QTranslator>
#include <QXmlStreamReader>

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

  // Issue 16 (6): every string the window shows has a German and a Chinese translation (CI
  // also runs lupdate on its copy and fails when a tr() string is missing from the files).
  void noStringIsLeftUntranslated() {
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
      QFile ts(QStringLiteral(FLYSTAGE_SOURCE_DIR "/translations/flystage_") + language +
               QStringLiteral(".ts"));
      QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
      QXmlStreamReader xml(&ts);
      int messages = 0;
      QStringList untranslated;
      QString source;
      while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QStringLiteral("message")) {
          ++messages;
        } else if (xml.name() == QStringLiteral("source")) {
          source = xml.readElementText();
        } else if (xml.name() == QStringLiteral("translation")) {
          const QString type = xml.attributes().value(QStringLiteral("type")).toString();
          const QString text =
              xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
          if (type == QStringLiteral("unfinished") || text.isEmpty()) untranslated << source;
        }
      }
      QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
      QVERIFY2(messages > 800, qPrintable(QString::number(messages)));
      QVERIFY2(untranslated.isEmpty(), qPrintable(language + QStringLiteral(": ") +
                                                  untranslated.join(QStringLiteral(" | "))));
    }
  }
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"
