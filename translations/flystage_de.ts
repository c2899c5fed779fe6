<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+21"/>
        <source>%1 (imported)</source>
        <translation>%1 (importiert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain</source>
        <translation>einfach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data-level</source>
        <translation>Datenebene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two-step</source>
        <translation>zweistufig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two-step without L_S (CE only)</source>
        <translation>Zweistufig ohne L_S (nur CE)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gabor</source>
        <translation>Gabor</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>ResNet-18 (CIFAR stem), 128x320, 20,480-d feature; the paper&apos;s model (GPU)</source>
        <translation>ResNet-18 (CIFAR-Stamm), 128x320, 20.480-dimensionales Merkmal; das Modell des Artikels (GPU)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stride-2 stem, widths 24-192, 1 block per stage, 128x320 (CPU)</source>
        <translation>Stamm mit Schrittweite 2, Breiten 24–192, 1 Block pro Stufe, 128x320 (CPU)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the fast preset at 64x160, widths 16-128 (the 10-minute CPU demo)</source>
        <translation>die schnelle Voreinstellung bei 64x160, Breiten 16–128 (die 10-Minuten-CPU-Demo)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a very small network at 32x80 for tests</source>
        <translation>ein sehr kleines Netz bei 32x80 für Tests</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Vanilla gradient</source>
        <translation>Einfacher Gradient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrated gradients</source>
        <translation>Integrierte Gradienten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grad-CAM (last two stages)</source>
        <translation>Grad-CAM (letzte zwei Stufen)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 - fails its sanity check</source>
        <translation>%1 – besteht die Plausibilitätsprüfung nicht</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (was range %2)</source>
        <translation>%1 (vorher Bereich %2)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU (%n Thread)</numerusform>
            <numerusform>CPU (%n Threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>CUDA with %n GPU(s)</source>
        <translation>
            <numerusform>CUDA mit %n GPU</numerusform>
            <numerusform>CUDA mit %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no CUDA GPU</source>
        <translation>keine CUDA-GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2; LibTorch %3</source>
        <translation>%1, %2; LibTorch %3</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <location filename="../ui/model/DurationText.h" line="+14"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>LabelKeys</name>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+16"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stage &amp;%1</source>
        <translation>Stadium &amp;%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Range %1</source>
        <translation>Stadienbereich %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Accept the Predicted Stage</source>
        <translation>Vorhergesagtes Stadium &amp;übernehmen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remove the Label</source>
        <translation>Label &amp;entfernen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo / redo</source>
        <translation>Rückgängig / Wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Keys act on the selected images (one undo step for all of them); after a label the next image is selected, unless Label &amp;gt; Advance After Labelling is off.&lt;/p&gt;&lt;p&gt;Stages 4 to 9: the digit. Stages 10 to 17: type the number (1, then 0 to 7), or hold Shift and press the last digit. Stage ranges: Ctrl with the BDGP bin number 1 to 6. A stage sets its range too; a range replaces a stage.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Tasten wirken auf die ausgewählten Bilder (ein Rückgängig-Schritt für alle); nach einem Label wird das nächste Bild ausgewählt, sofern Label &amp;gt; Nach dem Labeln weiter nicht ausgeschaltet ist.&lt;/p&gt;&lt;p&gt;Stadien 4 bis 9: die Ziffer. Stadien 10 bis 17: die Zahl eintippen (1, dann 0 bis 7) oder Shift gedrückt halten und die letzte Ziffer drücken. Stadienbereiche: Ctrl mit der BDGP-Bereichsnummer 1 bis 6. Ein Stadium setzt auch seinen Bereich; ein Bereich ersetzt ein Stadium.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlotSaving</name>
    <message>
        <location filename="../ui/views/PlotSaving.cpp" line="+35"/>
        <source>%1: choose a .png, .pdf or .svg file name.</source>
        <translation>%1: Bitte einen Dateinamen mit der Endung .png, .pdf oder .svg wählen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written; check the folder&apos;s permissions and the free disk space.</source>
        <translation>%1 konnte nicht geschrieben werden; Zugriffsrechte des Ordners und freien Speicherplatz prüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this plot as a PNG, PDF or SVG file</source>
        <translation>Dieses Diagramm als PNG-, PDF- oder SVG-Datei speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Plot</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plot Not Saved</source>
        <translation>Diagramm nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="-128"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training here</source>
        <translation>wird hier trainiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running elsewhere or interrupted</source>
        <translation>läuft anderswo oder unterbrochen</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+31"/>
        <source>#%1 %2 · %3 · seed %4</source>
        <translation>#%1 %2 · %3 · Seed %4</translation>
    </message>
</context>
<context>
    <name>TrainingPhase</name>
    <message>
        <location filename="../ui/model/TrainingPhase.h" line="+13"/>
        <source>Loading images</source>
        <translation>Bilder werden geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range pretraining</source>
        <translation>Vortraining auf Stadienbereichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage fine-tuning</source>
        <translation>Feinabstimmung auf Stadien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature level</source>
        <translation>Merkmalsebene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choosing reference images</source>
        <translation>Referenzbilder werden ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain training</source>
        <translation>Einfaches Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gabor baseline</source>
        <translation>Gabor-Baseline</translation>
    </message>
</context>
<context>
    <name>flystage::ui::AgreementPanel</name>
    <message>
        <location filename="../ui/panels/AgreementPanel.cpp" line="+59"/>
        <source>Agreement of each two labellers</source>
        <translation>Übereinstimmung je zweier Annotierender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labeller A</source>
        <translation>Annotierende(r) A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labeller B</source>
        <translation>Annotierende(r) B</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Kappa [95% CI]</source>
        <translation>Kappa [95-%-KI]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohen&apos;s kappa weighted by stage distance (1: always the same stage, 0: no better than chance) with its 95% bootstrap interval over images, and the share of images given the same stage</source>
        <translation>Cohens Kappa, gewichtet nach Stadienabstand (1: immer dasselbe Stadium, 0: nicht besser als Zufall), mit seinem 95-%-Bootstrap-Intervall über die Bilder, und der Anteil der Bilder mit demselben Stadium</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kappa per stage</source>
        <translation>Kappa je Stadium</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+105"/>
        <source>Stage</source>
        <translation>Stadium</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Per stage: the kappa of that stage against any other, for each pair of labellers; - where neither used the stage</source>
        <translation>Je Stadium: das Kappa dieses Stadiums gegen alle anderen, für jedes Paar von Annotierenden; - wo keiner das Stadium verwendet hat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confusion between two labellers</source>
        <translation>Verwechslungen zwischen zwei Annotierenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run beside the labellers</source>
        <translation>Lauf neben den Annotierenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run whose stored calls are compared with each labeller on the images both labellers staged</source>
        <translation>Der Lauf, dessen gespeicherte Vorhersagen mit jeder(m) Annotierenden auf den Bildern verglichen werden, denen beide ein Stadium gaben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model beside the labellers</source>
        <translation>Das Modell neben den Annotierenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labellers</source>
        <translation>Annotierende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa A / B</source>
        <translation>Kappa A / B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa run / A</source>
        <translation>Kappa Lauf / A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kappa run / B</source>
        <translation>Kappa Lauf / B</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per stage:</source>
        <translation>Je Stadium:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beside the run:</source>
        <translation>Neben dem Lauf:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The agreement could not be computed: %1</source>
        <translation>Die Übereinstimmung konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No two labellers have staged the same image yet. Set your name in Preferences (Labeller name); images another labeller staged are in Label next &gt; Labeller conflicts when you disagree.</source>
        <translation>Noch haben keine zwei Annotierenden dasselbe Bild mit einem Stadium versehen. Tragen Sie Ihren Namen in den Einstellungen ein (Name der/des Annotierenden); Bilder, die eine andere Person anders eingestuft hat, stehen unter Als Nächstes labeln &gt; Konflikte zwischen Annotierenden.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pair(s) of labellers share images.</source>
        <translation>
            <numerusform>%n Paar von Annotierenden teilt Bilder.</numerusform>
            <numerusform>%n Paare von Annotierenden teilen Bilder.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Confusion between two labellers: none yet.</source>
        <translation>Verwechslungen zwischen zwei Annotierenden: noch keine.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confusion: %1 in rows, %2 in columns</source>
        <translation>Verwechslungen: %1 in Zeilen, %2 in Spalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run #%1&apos;s calls could not be read: %2</source>
        <translation>Die Vorhersagen von Lauf #%1 konnten nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>flystage::ui::BackgroundTask</name>
    <message>
        <location filename="../ui/tasks/BackgroundTask.cpp" line="+148"/>
        <source>An unexpected error stopped the work.</source>
        <translation>Ein unerwarteter Fehler hat die Arbeit beendet.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/views/ConfusionMatrixView.cpp" line="+32"/>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True stage in rows, predicted stage in columns. Click a cell (or press Enter on it) to see its images.</source>
        <translation>Wahres Stadium in den Zeilen, vorhergesagtes Stadium in den Spalten. Eine Zelle anklicken (oder Enter drücken), um ihre Bilder zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Run #%1: %n test image(s), %2 on the diagonal. Arrow keys move between cells; Enter shows a cell&apos;s images.</source>
        <translation>
            <numerusform>Lauf #%1: %n Testbild, %2 auf der Diagonalen. Die Pfeiltasten wechseln zwischen den Zellen; Enter zeigt die Bilder einer Zelle.</numerusform>
            <numerusform>Lauf #%1: %n Testbilder, %2 auf der Diagonalen. Die Pfeiltasten wechseln zwischen den Zellen; Enter zeigt die Bilder einer Zelle.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+160"/>
        <source>No finished run selected.</source>
        <translation>Kein abgeschlossener Lauf ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <location line="-105"/>
        <source>True stage %1, predicted %2: %n image(s)</source>
        <translation>
            <numerusform>Wahres Stadium %1, vorhergesagt %2: %n Bild</numerusform>
            <numerusform>Wahres Stadium %1, vorhergesagt %2: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 % of stage %2)</source>
        <translation> (%1 % von Stadium %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; right</source>
        <translation>; richtig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; a neighbouring stage</source>
        <translation>; ein benachbartes Stadium</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Predicted stage</source>
        <translation>Vorhergesagtes Stadium</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>True stage</source>
        <translation>Wahres Stadium</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>neighbouring stage (±1) · shade: share of the true stage</source>
        <translation>benachbartes Stadium (±1) · Farbton: Anteil am wahren Stadium</translation>
    </message>
</context>
<context>
    <name>flystage::ui::FilterBar</name>
    <message>
        <location filename="../ui/panels/FilterBar.cpp" line="+56"/>
        <source>Image filters</source>
        <translation>Bildfilter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by file, gene, stage range or split (Ctrl+F)</source>
        <translation>Nach Datei, Gen, Stadienbereich oder Aufteilung filtern (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter images</source>
        <translation>Bilder filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the images whose file, gene, stage or split contains this</source>
        <translation>Nur Bilder anzeigen, deren Datei, Gen, Stadium oder Aufteilung diesen Text enthält</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sort images</source>
        <translation>Bilder sortieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order of the grid and the table</source>
        <translation>Die Reihenfolge im Raster und in der Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By image number</source>
        <translation>Nach Bildnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident first</source>
        <translation>Geringste Konfidenz zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most confident first</source>
        <translation>Höchste Konfidenz zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label-next order</source>
        <translation>Reihenfolge der Label-Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By a table column</source>
        <translation>Nach einer Tabellenspalte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the filters</source>
        <translation>Filter anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the filters on labels, split and predictions</source>
        <translation>Filter für Labels, Aufteilung und Vorhersagen ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show All</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear every filter and show all images (the run stays chosen)</source>
        <translation>Alle Filter löschen und alle Bilder anzeigen (der Lauf bleibt ausgewählt)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>S&amp;ort</source>
        <translation>&amp;Sortierung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stage range filter</source>
        <translation>Filter nach Stadienbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images labelled with this stage range</source>
        <translation>Nur Bilder mit diesem Stadienbereich als Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+7"/>
        <location line="+15"/>
        <location line="+1"/>
        <location line="+7"/>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Stage filter</source>
        <translation>Filter nach Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images labelled with this precise stage</source>
        <translation>Nur Bilder mit genau diesem Stadium als Label</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gene filter</source>
        <translation>Filter nach Gen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images of this gene (type a name, or pick one; empty: any)</source>
        <translation>Nur Bilder dieses Gens (Namen eingeben oder auswählen; leer: alle)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Split filter</source>
        <translation>Filter nach Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images in this part of the split</source>
        <translation>Nur Bilder in diesem Teil der Aufteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the split</source>
        <translation>Nicht in der Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label state filter</source>
        <translation>Filter nach Label-Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labelled or not: a range only, a precise stage, or no label</source>
        <translation>Gelabelt oder nicht: nur ein Bereich, ein genaues Stadium oder kein Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range only</source>
        <translation>Nur Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a stage</source>
        <translation>Mit Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labelled</source>
        <translation>Mit Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training run whose predictions are shown and filtered</source>
        <translation>Der Trainingslauf, dessen Vorhersagen angezeigt und gefiltert werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+141"/>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Predicted stage filter</source>
        <translation>Filter nach vorhergesagtem Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images the run predicts as this stage</source>
        <translation>Nur Bilder, für die der Lauf dieses Stadium vorhersagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True stage filter</source>
        <translation>Filter nach wahrem Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only images of this true stage: the stage the run trained or tested against, else the current label</source>
        <translation>Nur Bilder dieses wahren Stadiums: das Stadium, mit dem der Lauf trainiert oder getestet hat, sonst das aktuelle Label</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Right or wrong filter</source>
        <translation>Filter nach richtig oder falsch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions that match the true stage, or only those that miss</source>
        <translation>Nur Vorhersagen, die das wahre Stadium treffen, oder nur solche, die es verfehlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lowest confidence</source>
        <translation>Niedrigste Konfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions at least this confident</source>
        <translation>Nur Vorhersagen mit mindestens dieser Konfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest confidence</source>
        <translation>Höchste Konfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only predictions at most this confident</source>
        <translation>Nur Vorhersagen mit höchstens dieser Konfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test i&amp;mages</source>
        <translation>Testbil&amp;der</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the run&apos;s test images</source>
        <translation>Nur die Testbilder des Laufs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the run&apos;s test images: those its figures and confusion matrix count</source>
        <translation>Nur die Testbilder des Laufs: die Bilder, die in seine Kennzahlen und seine Konfusionsmatrix eingehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside the r&amp;ange</source>
        <translation>Außerhalb des &amp;Bereichs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only images predicted outside their range</source>
        <translation>Nur Bilder, die außerhalb ihres Bereichs vorhergesagt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only images the run&apos;s model predicts outside their known stage range (its own call, before the range constraint; images of 1-3 are left out)</source>
        <translation>Nur Bilder, die das Modell des Laufs außerhalb ihres bekannten Stadienbereichs vorhersagt (seine eigene Bestimmung vor der Bereichsbeschränkung; Bilder von 1-3 bleiben außen vor)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label next</source>
        <translation>Als Nächstes labeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what to label next, from the run&apos;s predictions, best first (Ctrl+L)</source>
        <translation>Anzeigen, was als Nächstes gelabelt werden sollte, nach den Vorhersagen des Laufs, die lohnendsten zuerst (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident</source>
        <translation>Geringste Konfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near a stage boundary</source>
        <translation>Nahe einer Stadiengrenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disagrees with its range</source>
        <translation>Widerspricht seinem Stadienbereich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labeller conflicts</source>
        <translation>Konflikte zwischen Annotierenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Range</source>
        <translation>Stadien&amp;bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tage</source>
        <translation>S&amp;tadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;plit</source>
        <translation>&amp;Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gene</source>
        <translation>&amp;Gen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La&amp;bel</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ru&amp;n</source>
        <translation>Lau&amp;f</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt</source>
        <translation>Als &amp;Nächstes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;dicted</source>
        <translation>&amp;Vorhergesagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tr&amp;ue stage</source>
        <translation>&amp;Wahres Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct</source>
        <translation>&amp;Richtig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conf&amp;idence</source>
        <translation>&amp;Konfidenz</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Run %1 · %2 (%3)</source>
        <translation>Lauf %1 · %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%1 von %n Bild</numerusform>
            <numerusform>%1 von %n Bildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>flystage::ui::GemPanel</name>
    <message>
        <location filename="../ui/panels/GemPanel.cpp" line="+49"/>
        <source>Model run</source>
        <translation>Modell-Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run whose predictions assign images to stages and whose saliency masks them</source>
        <translation>Der Lauf, dessen Vorhersagen die Bilder den Stadien zuordnen und dessen Salienz sie maskiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign images by</source>
        <translation>Bilder zuordnen nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted stage</source>
        <translation>Vorhergesagtes Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage label</source>
        <translation>Stadium-Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count each image for its predicted stage, or for its precise stage label</source>
        <translation>Jedes Bild für sein vorhergesagtes Stadium zählen oder für sein genaues Stadium-Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum confidence</source>
        <translation>Mindestkonfidenz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only images whose predicted stage has at least this probability</source>
        <translation>Nur Bilder, deren vorhergesagtes Stadium mindestens diese Wahrscheinlichkeit hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gene</source>
        <translation>Gen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One gene&apos;s images, or all genes (genome-wide)</source>
        <translation>Die Bilder eines Gens oder alle Gene (genomweit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Masked by saliency</source>
        <translation>Durch Salienz &amp;maskiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight each embryo pixel by its saliency as the overlay shows it (scaled to the map&apos;s 99th percentile), so the maps show the regions that decided the stage</source>
        <translation>Jedes Embryopixel nach seiner Salienz gewichten, wie die Überlagerung sie zeigt (auf das 99. Perzentil der Karte skaliert), damit die Karten die Regionen zeigen, die das Stadium bestimmt haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saliency method</source>
        <translation>Salienzmethode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the saliency masks are computed</source>
        <translation>Wie die Salienzmasken berechnet werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour scale of the maps</source>
        <translation>Farbskala der Karten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Build GEMs</source>
        <translation>GEMs e&amp;rstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build the expression maps of every stage (Ctrl+B)</source>
        <translation>Die Expressionskarten aller Stadien erstellen (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop building</source>
        <translation>Erstellung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the figure as PNG, SVG or PDF, with a CSV of its numbers</source>
        <translation>Die Abbildung als PNG, SVG oder PDF speichern, mit einer CSV-Datei ihrer Zahlen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GEM progress</source>
        <translation>GEM-Fortschritt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run:</source>
        <translation>&amp;Lauf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign &amp;by:</source>
        <translation>&amp;Zuordnen nach:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. &amp;confidence:</source>
        <translation>Min. &amp;Konfidenz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gene:</source>
        <translation>&amp;Gen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Saliency:</source>
        <translation>&amp;Salienz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour &amp;map:</source>
        <translation>&amp;Farbskala:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expression maps</source>
        <translation>Expressionskarten</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Choose a run and press Build to see the expression maps of every stage.</source>
        <translation>Einen Lauf wählen und auf „GEMs erstellen“ klicken, um die Expressionskarten aller Stadien zu sehen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All genes (genome-wide)</source>
        <translation>Alle Gene (genomweit)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#%1 %2 (%3, seed %4)</source>
        <translation>#%1 %2 (%3, Seed %4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None (stage labels only)</source>
        <translation>Kein Lauf (nur Stadium-Labels)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Building…</source>
        <translation>Wird erstellt…</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n image(s) in the maps; images assigned by %1.</source>
        <translation>
            <numerusform>%n Bild in den Karten; Zuordnung der Bilder: %1.</numerusform>
            <numerusform>%n Bilder in den Karten; Zuordnung der Bilder: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stage %1: %2 %</source>
        <translation>Stadium %1: %2 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the embryo the saliency masks keep: %1.</source>
        <translation>Anteil des Embryos, den die Salienzmasken behalten: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not build the maps: %1</source>
        <translation>Die Karten konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved %1 (and its numbers as CSV).</source>
        <translation>%1 gespeichert (und seine Zahlen als CSV).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figure was not saved: %1</source>
        <translation>Die Abbildung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export GEM figure</source>
        <translation>GEM-Abbildung exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png)</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageBrowser</name>
    <message>
        <location filename="../ui/panels/ImageBrowser.cpp" line="+29"/>
        <source>Image browser</source>
        <translation>Bildbrowser</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Grid</source>
        <translation>&amp;Raster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the images as a grid of thumbnails (Ctrl+G)</source>
        <translation>Die Bilder als Raster von Vorschaubildern anzeigen (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the images as a grid of thumbnails</source>
        <translation>Die Bilder als Raster von Vorschaubildern anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the images as a table with every column (Ctrl+Shift+G)</source>
        <translation>Die Bilder als Tabelle mit allen Spalten anzeigen (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the images as a table with every column</source>
        <translation>Die Bilder als Tabelle mit allen Spalten anzeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The images; keys 4 to 9, 1 then 0 to 7, and Ctrl+1 to 6 label the selected ones (F1 lists them)</source>
        <translation>Die Bilder; die Tasten 4 bis 9, 1 gefolgt von 0 bis 7 sowie Ctrl+1 bis 6 labeln die ausgewählten (F1 listet sie auf)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Image thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>No image has labellers who disagree: set a labeller name in Preferences and label images others labelled.</source>
        <translation>Kein Bild hat Annotierende, die uneins sind: Tragen Sie in den Einstellungen einen Namen ein und labeln Sie Bilder, die andere gelabelt haben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1 has no stored predictions to rank; store them with &quot;flystage-cli predict --store&quot; first.</source>
        <translation>Lauf %1 hat keine gespeicherten Vorhersagen zum Sortieren; diese zuerst mit &quot;flystage-cli predict --store&quot; speichern.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageTableModel</name>
    <message>
        <location filename="../ui/model/ImageFilterModel.cpp" line="+115"/>
        <location filename="../ui/model/ImageTableModel.cpp" line="+58"/>
        <location line="+361"/>
        <source>unlabelled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <location filename="../ui/model/ImageTableModel.cpp" line="-389"/>
        <source>Label from the import</source>
        <translation>Label aus dem Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label from an accepted model prediction</source>
        <translation>Label aus einer übernommenen Modellvorhersage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label set by hand</source>
        <translation>Von Hand gesetztes Label</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>stage %1</source>
        <translation>Stadium %1</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>→ %1 · %2%</source>
        <translation>→ %1 · %2%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (model %2)</source>
        <translation>%1 (Modell %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ≠ %2</source>
        <translation>%1 ≠ %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model predicts %1 (%2%), outside the range %3</source>
        <translation>Das Modell sagt %1 (%2 %) vorher, außerhalb des Bereichs %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; inside the range: %1 at %2%</source>
        <translation>; innerhalb des Bereichs: %1 mit %2 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>→ %1 at %2%, inside the range %3 (unconstrained %4 at %5%)</source>
        <translation>→ %1 mit %2 %, innerhalb des Bereichs %3 (ohne Beschränkung %4 mit %5 %)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Top stages %1 (%2%) and %3; margin %4%</source>
        <translation>Wahrscheinlichste Stadien %1 (%2%) und %3; Abstand %4%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gene</source>
        <translation>Gen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage range</source>
        <translation>Stadienbereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>Stadium</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image&apos;s number in the project</source>
        <translation>Die Nummer des Bildes im Projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standardized image: rotated and cropped, anterior to the left</source>
        <translation>Das standardisierte Bild: gedreht und zugeschnitten, anterior links</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the six BDGP stage ranges</source>
        <translation>Einer der sechs BDGP-Stadienbereiche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The precise developmental stage, 1 to 17, when known</source>
        <translation>Das genaue Entwicklungsstadium, 1 bis 17, sofern bekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training, validation or test part of the fixed split</source>
        <translation>Trainings-, Validierungs- oder Testteil der festen Aufteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stage the chosen run predicts</source>
        <translation>Das Stadium, das der gewählte Lauf vorhersagt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen run&apos;s probability for its predicted stage</source>
        <translation>Die Wahrscheinlichkeit, die der gewählte Lauf seinem vorhergesagten Stadium gibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position in the label-next queue: 1 is the image to label first</source>
        <translation>Position in der Label-Warteschlange: 1 ist das zuerst zu labelnde Bild</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImageView</name>
    <message>
        <location filename="../ui/views/ImageView.cpp" line="+99"/>
        <source>Image view</source>
        <translation>Bildansicht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Standardized image</source>
        <translation>Standardisiertes Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standardized image the model sees: anterior left, dorsal up. Wheel or Ctrl++ / Ctrl+- to zoom, drag to pan, Ctrl+0 to fit</source>
        <translation>Das standardisierte Bild, das das Modell sieht: anterior links, dorsal oben. Mausrad oder Ctrl++ / Ctrl+- zum Zoomen, Ziehen zum Verschieben, Ctrl+0 zum Einpassen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Original image</source>
        <translation>Originalbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original file as imported, before standardization</source>
        <translation>Die Originaldatei wie importiert, vor der Standardisierung</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Ctrl++)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the image</source>
        <translation>Bild einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the image to the view (Ctrl+0)</source>
        <translation>Das Bild in die Ansicht einpassen (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Saliency</source>
        <translation>&amp;Salienz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show saliency</source>
        <translation>Salienz anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay where the chosen run&apos;s model looks to call the stage</source>
        <translation>Überlagern, wohin das Modell des gewählten Laufs schaut, um das Stadium zu bestimmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saliency method</source>
        <translation>Salienzmethode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradients (vanilla, the paper&apos;s; SmoothGrad, averaged over noisy copies; integrated gradients) or Grad-CAM&apos;s regions. A method that failed its sanity check on this run says so</source>
        <translation>Gradienten (einfach, wie in der Veröffentlichung; SmoothGrad, über verrauschte Kopien gemittelt; integrierte Gradienten) oder die Regionen von Grad-CAM. Eine Methode, die ihre Plausibilitätsprüfung für diesen Lauf nicht bestanden hat, sagt es</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saliency colour map</source>
        <translation>Farbskala der Salienz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The colour scale of the overlay</source>
        <translation>Die Farbskala der Überlagerung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saliency opacity</source>
        <translation>Deckkraft der Salienz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How strongly the overlay covers the image</source>
        <translation>Wie stark die Überlagerung das Bild verdeckt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saliency progress</source>
        <translation>Fortschritt der Salienz</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unlabelled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 part</source>
        <translation>Teil: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The original file is missing: %1
It was moved or deleted after the import; the standardized copy above is kept in the project.</source>
        <translation>Die Originaldatei fehlt: %1
Sie wurde nach dem Import verschoben oder gelöscht; die standardisierte Kopie oben bleibt im Projekt erhalten.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The original file could not be read: %1</source>
        <translation>Die Originaldatei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The chosen run has no prediction for this image</source>
        <translation>Der gewählte Lauf hat keine Vorhersage für dieses Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No prediction: choose a run with stored predictions under Filters &gt; Run</source>
        <translation>Keine Vorhersage: unter Filter &gt; Lauf einen Lauf mit gespeicherten Vorhersagen wählen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Predicted stage %1 (%2%)</source>
        <translation>Vorhergesagtes Stadium %1 (%2%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> inside the range %1 · the model alone: %2 (%3%)</source>
        <translation> innerhalb des Bereichs %1 · das Modell allein: %2 (%3 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · right: true stage %1</source>
        <translation> · richtig: wahres Stadium %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · wrong: true stage %1</source>
        <translation> · falsch: wahres Stadium %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The saliency map is empty</source>
        <translation>Die Salienzkarte ist leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explains stage %1</source>
        <translation>Erklärt Stadium %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 of %3 passes</source>
        <translation>%1: %2 von %3 Durchläufen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Computing saliency…</source>
        <translation>Salienz wird berechnet…</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportController</name>
    <message>
        <location filename="../ui/dialogs/ImportController.cpp" line="+27"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing Images</source>
        <translation>Bilder werden importiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Importing %1 of %2: %3</source>
        <translation>Importiere %1 von %2: %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images could not be imported.</source>
        <translation>Die Bilder konnten nicht importiert werden.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportDialog</name>
    <message>
        <location filename="../ui/dialogs/ImportDialog.cpp" line="+25"/>
        <source>Import Images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Labels CSV</source>
        <translation>&amp;Label-CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CSV with the columns path, stage_range, stage, gene and split</source>
        <translation>Eine CSV-Datei mit den Spalten path, stage_range, stage, gene und split</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder of images</source>
        <translation>Bild&amp;ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every PNG, JPEG, TIFF and BMP image under a folder, without labels</source>
        <translation>Alle PNG-, JPEG-, TIFF- und BMP-Bilder unterhalb eines Ordners, ohne Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;BDGP dump (insitu_images.csv)</source>
        <translation>&amp;BDGP-Dump (insitu_images.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Berkeley Drosophila Genome Project&apos;s metadata dump; lateral views are kept</source>
        <translation>Der Metadaten-Dump des Berkeley Drosophila Genome Project; laterale Ansichten werden übernommen</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Browse for the source</source>
        <translation>Nach der Quelle suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The dump&apos;s folder</source>
        <translation>Der Ordner des Dumps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images folder of the BDGP dump</source>
        <translation>Bilderordner des BDGP-Dumps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder the dump&apos;s image paths are relative to</source>
        <translation>Der Ordner, auf den sich die Bildpfade des Dumps beziehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse for the images folder</source>
        <translation>Nach dem Bilderordner suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the good rows even if some rows are bad</source>
        <translation>Fehlerfreie Zeilen importieren, auch wenn manche Zeilen fehlerhaft sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: any bad row or unreadable image makes the import refuse, lists every problem and imports nothing. On: the good rows are imported and the bad ones listed.</source>
        <translation>Aus: Jede fehlerhafte Zeile und jedes unlesbare Bild lässt den Import abbrechen; alle Probleme werden aufgelistet und nichts wird importiert. An: Die fehlerfreien Zeilen werden importiert und die fehlerhaften aufgelistet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Images folder:</source>
        <translation>B&amp;ilderordner:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Into &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>In &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>labels.csv</source>
        <translation>labels.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels CSV file</source>
        <translation>Label-CSV-Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image paths in the CSV are relative to its folder. Each row needs a stage range or a stage.</source>
        <translation>Die Bildpfade in der CSV-Datei sind relativ zu ihrem Ordner. Jede Zeile braucht einen Stadienbereich oder ein Stadium.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of images</source>
        <translation>Ein Ordner mit Bildern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of images</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-folders are included. The images come in unlabelled.</source>
        <translation>Unterordner werden einbezogen. Die Bilder werden ohne Label importiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insitu_images.csv</source>
        <translation>insitu_images.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BDGP dump file</source>
        <translation>BDGP-Dump-Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lateral views are imported with their stage range; other views are counted and left out.</source>
        <translation>Laterale Ansichten werden mit ihrem Stadienbereich importiert; andere Ansichten werden gezählt und ausgelassen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder of Images</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BDGP Dump</source>
        <translation>BDGP-Dump</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels CSV</source>
        <translation>Label-CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Images Folder of the Dump</source>
        <translation>Bilderordner des Dumps</translation>
    </message>
</context>
<context>
    <name>flystage::ui::ImportReportDialog</name>
    <message>
        <location filename="../ui/dialogs/ImportReportDialog.cpp" line="+37"/>
        <source>Import Refused</source>
        <translation>Import abgelehnt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import Finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was imported: %n problem(s) in %1.</source>
        <translation>
            <numerusform>Nichts wurde importiert: %n Problem in %1.</numerusform>
            <numerusform>Nichts wurde importiert: %n Probleme in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Fix the rows below and import again, or import the %n good row(s) now and leave the bad ones out.</source>
        <translation>
            <numerusform>Die Zeilen unten korrigieren und erneut importieren oder jetzt die %n fehlerfreie Zeile importieren und die fehlerhaften auslassen.</numerusform>
            <numerusform>Die Zeilen unten korrigieren und erneut importieren oder jetzt die %n fehlerfreien Zeilen importieren und die fehlerhaften auslassen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No row could be imported; fix the rows below and import again.</source>
        <translation>Keine Zeile konnte importiert werden; die Zeilen unten korrigieren und erneut importieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n image(s) from %1.</source>
        <translation>
            <numerusform>%n Bild aus %1 importiert.</numerusform>
            <numerusform>%n Bilder aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n with a precise stage.</source>
        <translation>
            <numerusform>%n davon mit genauem Stadium.</numerusform>
            <numerusform>%n davon mit genauem Stadium.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n duplicate(s) already in the project, not imported again.</source>
        <translation>
            <numerusform>%n Duplikat bereits im Projekt, nicht erneut importiert.</numerusform>
            <numerusform>%n Duplikate bereits im Projekt, nicht erneut importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n label(s) of images already in the project changed (Edit &gt; Undo restores them).</source>
        <translation>
            <numerusform>%n Label eines Bildes, das schon im Projekt war, geändert (Bearbeiten &gt; Rückgängig stellt es wieder her).</numerusform>
            <numerusform>%n Labels von Bildern, die schon im Projekt waren, geändert (Bearbeiten &gt; Rückgängig stellt sie wieder her).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n label(s) set by hand kept where the import gave another.</source>
        <translation>
            <numerusform>%n von Hand gesetztes Label behalten, wo der Import ein anderes angab.</numerusform>
            <numerusform>%n von Hand gesetzte Labels behalten, wo der Import andere angab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n bad row(s) skipped.</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile übersprungen.</numerusform>
            <numerusform>%n fehlerhafte Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n non-lateral view(s) left out.</source>
        <translation>
            <numerusform>%n nicht-laterale Ansicht ausgelassen.</numerusform>
            <numerusform>%n nicht-laterale Ansichten ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n image(s) added to the training/validation/test split.</source>
        <translation>
            <numerusform>%n Bild zur Trainings-/Validierungs-/Test-Aufteilung hinzugefügt.</numerusform>
            <numerusform>%n Bilder zur Trainings-/Validierungs-/Test-Aufteilung hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Problems (%1):</source>
        <translation>Probleme (%1):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Labels changed (%1):</source>
        <translation>Geänderte Labels (%1):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels set by hand, kept (%1):</source>
        <translation>Von Hand gesetzte Labels, behalten (%1):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicates (%1):</source>
        <translation>Duplikate (%1):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems and duplicates</source>
        <translation>Probleme und Duplikate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the list of problems and duplicates to the clipboard</source>
        <translation>Die Liste der Probleme und Duplikate in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the Good Rows</source>
        <translation>Fehlerfreie Zeilen importieren</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Import the %n row(s) without problems; the bad rows are left out and listed again</source>
        <translation>
            <numerusform>Die %n Zeile ohne Probleme importieren; die fehlerhaften Zeilen werden ausgelassen und erneut aufgelistet</numerusform>
            <numerusform>Die %n Zeilen ohne Probleme importieren; die fehlerhaften Zeilen werden ausgelassen und erneut aufgelistet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::Labeller</name>
    <message>
        <location filename="../ui/model/Labeller.cpp" line="+73"/>
        <source>The label history could not be read: %1</source>
        <translation>Der Label-Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The label was not saved: %1</source>
        <translation>Das Label wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The project&apos;s label history changed outside this window; the undo list was reloaded. Nothing was undone or redone.</source>
        <translation>Der Label-Verlauf des Projekts wurde außerhalb dieses Fensters geändert; die Rückgängig-Liste wurde neu geladen. Nichts wurde rückgängig gemacht oder wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo or redo failed: %1</source>
        <translation>Rückgängig machen oder Wiederherstellen fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>flystage::ui::MainWindow</name>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+29"/>
        <location line="+20"/>
        <source>FlyStage projects (*.flystage)</source>
        <translation>FlyStage-Projekte (*.flystage)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+102"/>
        <source>&lt;b&gt;Read-only&lt;/b&gt;</source>
        <translation>&lt;b&gt;Schreibgeschützt&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FlyStage may not write this project: you can browse it, show saliency and export figures, but not label, import or train</source>
        <translation>FlyStage darf dieses Projekt nicht schreiben: Sie können es ansehen, Saliency anzeigen und Abbildungen exportieren, aber nicht labeln, importieren oder trainieren</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create an empty project file (Ctrl+N)</source>
        <translation>Eine leere Projektdatei anlegen (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty project file</source>
        <translation>Eine leere Projektdatei anlegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project file (Ctrl+O)</source>
        <translation>Eine Projektdatei öffnen (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .flystage project file</source>
        <translation>Eine .flystage-Projektdatei öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import Images…</source>
        <translation>Bilder &amp;importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+420"/>
        <source>Import images from a labels CSV, a folder or a BDGP dump (Ctrl+I)</source>
        <translation>Bilder aus einer Label-CSV, einem Ordner oder einem BDGP-Dump importieren (Ctrl+I)</translation>
    </message>
    <message>
        <location line="-419"/>
        <source>Import images from a labels CSV, a folder or a BDGP dump</source>
        <translation>Bilder aus einer Label-CSV, einem Ordner oder einem BDGP-Dump importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the open project</source>
        <translation>Das geöffnete Projekt schließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit FlyStage</source>
        <translation>FlyStage beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About FlyStage</source>
        <translation>Ü&amp;ber FlyStage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version and credits</source>
        <translation>Version und Danksagungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default device, threads, thumbnail cache and language</source>
        <translation>Standardgerät, Threads, Vorschaubild-Cache und Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo the last labelling action (Ctrl+Z); also one of an earlier session</source>
        <translation>Die letzte Label-Aktion rückgängig machen (Ctrl+Z), auch aus einer früheren Sitzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo the labelling action undone last (Ctrl+Shift+Z)</source>
        <translation>Die zuletzt rückgängig gemachte Label-Aktion wiederherstellen (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="+26"/>
        <source>from the import</source>
        <translation>aus dem Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from an accepted prediction</source>
        <translation>aus einer übernommenen Vorhersage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set by hand</source>
        <translation>von Hand gesetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stage %1 (%2)</source>
        <translation>Stadium %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the range %1</source>
        <translation>den Bereich %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Next Image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the next image in the browser&apos;s order</source>
        <translation>Das nächste Bild in der Reihenfolge des Browsers auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous Image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the previous image in the browser&apos;s order</source>
        <translation>Das vorherige Bild in der Reihenfolge des Browsers auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ad&amp;vance After Labelling</source>
        <translation>Nach dem Labeln &amp;weiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the next image after each label</source>
        <translation>Nach jedem Label das nächste Bild auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Label-Next Queue</source>
        <translation>&amp;Label-Warteschlange</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the images to label next, least confident first, from the chosen run&apos;s predictions (Ctrl+L)</source>
        <translation>Die als Nächstes zu labelnden Bilder nach den Vorhersagen des gewählten Laufs anzeigen, geringste Konfidenz zuerst (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Replace the Stage Range?</source>
        <translation>Stadienbereich ersetzen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace the Stage Ranges?</source>
        <translation>Stadienbereiche ersetzen?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image #%1 has %2, %3. Stage %4 lies outside that range: labelling it replaces the range with %5.</source>
        <translation>Bild #%1 hat %2, %3. Stadium %4 liegt außerhalb dieses Bereichs: Das Label ersetzt den Bereich durch %5.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The old range stays in the label history: Undo restores it.</source>
        <translation>Der alte Bereich bleibt im Label-Verlauf: Rückgängig stellt ihn wieder her.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of the %1 images would get a stage outside their range, which replaces it:</source>
        <translation>
            <numerusform>%n von %1 Bildern bekäme ein Stadium außerhalb seines Bereichs, das ihn ersetzt:</numerusform>
            <numerusform>%n von %1 Bildern bekämen ein Stadium außerhalb ihres Bereichs, das ihn ersetzt:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>#%1: %2, %3 → stage %4 (%5)</source>
        <translation>#%1: %2, %3 → Stadium %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old ranges stay in the label history: Undo restores them.</source>
        <translation>Die alten Bereiche bleiben im Label-Verlauf: Rückgängig stellt sie wieder her.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Replace the Range</source>
        <translation>Bereich &amp;ersetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Replace the Ranges</source>
        <translation>Bereiche &amp;ersetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Label Only the %n Image(s) Inside Their Range</source>
        <translation>
            <numerusform>Nur das %n Bild innerhalb seines Bereichs &amp;labeln</numerusform>
            <numerusform>Nur die %n Bilder innerhalb ihres Bereichs &amp;labeln</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The labels could not be read: %1. Nothing was changed.</source>
        <translation>Die Labels konnten nicht gelesen werden: %1. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was labelled: the images keep their ranges.</source>
        <translation>Nichts wurde gelabelt: Die Bilder behalten ihre Bereiche.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (was ranges %2)</source>
        <translation>%1 (vorher Bereiche %2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (was range %2)</source>
        <translation>%1 (vorher Bereich %2)</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+86"/>
        <source>&amp;Filters</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the filters on labels, split and predictions</source>
        <translation>Die Filter für Labels, Aufteilung und Vorhersagen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+2"/>
        <source>&amp;Labelling Keys</source>
        <translation>&amp;Label-Tasten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keys that label, browse and undo (F1)</source>
        <translation>Die Tasten zum Labeln, Blättern und Rückgängigmachen (F1)</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+12"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fit Image</source>
        <translation>Bild &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="-173"/>
        <source>%1 for the selected images (%2)</source>
        <translation>%1 für die ausgewählten Bilder (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+5"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent &amp;Projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="-17"/>
        <source>&amp;Label</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Stage</source>
        <translation>&amp;Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Range</source>
        <translation>Stadien&amp;bereich</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Labeller Agreement</source>
        <translation>Übereinstimmung der Annotierenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Similar Embryos</source>
        <translation>Ähnliche Embryonen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image #%1 is hidden by the filter.</source>
        <translation>Bild #%1 ist durch den Filter ausgeblendet.</translation>
    </message>
    <message>
        <location line="+161"/>
        <location filename="../ui/panels/WelcomePage.cpp" line="+21"/>
        <source>FlyStage</source>
        <translation>FlyStage</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+7"/>
        <source>Stage Drosophila embryos in in-situ hybridization images.</source>
        <translation>Entwicklungsstadien von Drosophila-Embryonen in In-situ-Hybridisierungsbildern bestimmen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/panels/ProjectPage.cpp" line="+10"/>
        <source>&lt;p&gt;&lt;b&gt;No images yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Import a labels CSV, a folder of images or a BDGP dump.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch keine Bilder.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Eine Label-CSV, einen Bildordner oder einen BDGP-Dump importieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Images…</source>
        <translation>Bilder importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelHistoryDock.cpp" line="+12"/>
        <source>Label history</source>
        <translation>Label-Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every labelling action of this project; click one to undo or redo up to it</source>
        <translation>Alle Label-Aktionen dieses Projekts; eine anklicken, um bis zu ihr rückgängig zu machen oder wiederherzustellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;geöffnetes Projekt&gt;</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Label History</source>
        <translation>Label-Verlauf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show the list of labelling actions</source>
        <translation>Die Liste der Label-Aktionen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+27"/>
        <location line="+7"/>
        <source>Import Running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Wait for the import to finish, or cancel it, before opening another project.</source>
        <translation>Vor dem Öffnen eines anderen Projekts das Ende des Imports abwarten oder ihn abbrechen.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be opened.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-241"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-19"/>
        <source>Open Read-Only?</source>
        <translation>Schreibgeschützt öffnen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlyStage may not write %1.</source>
        <translation>FlyStage darf %1 nicht schreiben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can open it read-only to browse the images, labels, runs and predictions, show saliency and export figures. Labelling, import, training and Predict All need a copy you can write.</source>
        <translation>Sie können es schreibgeschützt öffnen, um Bilder, Labels, Läufe und Vorhersagen anzusehen, Saliency anzuzeigen und Abbildungen zu exportieren. Labeln, Import, Training und „Alle Bilder vorhersagen“ brauchen eine Kopie, die Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+34"/>
        <location line="+215"/>
        <source>The project is open read-only</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-33"/>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Project Exists</source>
        <translation>Projekt existiert bereits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Open it with Open Project, or choose another name.</source>
        <translation>%1 existiert bereits. Mit „Projekt öffnen“ öffnen oder einen anderen Namen wählen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/panels/RunsWorkspace.cpp" line="+40"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs and Evaluation</source>
        <translation>Läufe und Auswertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expression Maps</source>
        <translation>Expressionskarten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Predict All Images</source>
        <translation>Alle Bilder &amp;vorhersagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predict the stage of every image with the selected run and keep the predictions, so the browser filters and sorts by them (Ctrl+Shift+R)</source>
        <translation>Das Stadium jedes Bildes mit dem ausgewählten Lauf vorhersagen und die Vorhersagen speichern, damit der Browser nach ihnen filtert und sortiert (Ctrl+Shift+R)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Run #%1 predicted %n image(s).</source>
        <translation>
            <numerusform>Lauf #%1 hat %n Bild vorhergesagt.</numerusform>
            <numerusform>Lauf #%1 hat %n Bilder vorhergesagt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prediction cancelled; nothing was stored.</source>
        <translation>Vorhersage abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prediction Failed</source>
        <translation>Vorhersage fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The predictions were not stored: %1</source>
        <translation>Die Vorhersagen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run #%1 finished.</source>
        <translation>Lauf #%1 abgeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run #%1 cancelled; it can be resumed.</source>
        <translation>Lauf #%1 abgebrochen; er kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 failed.</source>
        <translation>Lauf #%1 fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a run in the browser&apos;s filters (Predictions of) to see its saliency.</source>
        <translation>Einen Lauf in den Filtern des Browsers (Lauf) wählen, um seine Salienz zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computing the saliency of image #%1…</source>
        <translation>Salienz von Bild #%1 wird berechnet…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saliency (%1) of stage %2 for image #%3 (p = %4).</source>
        <translation>Salienz (%1) von Stadium %2 für Bild #%3 (p = %4).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>No saliency: %1</source>
        <translation>Keine Salienz: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export Model…</source>
        <translation>Modell &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the selected finished run&apos;s model to one file that another project can import</source>
        <translation>Das Modell des gewählten abgeschlossenen Laufs in eine Datei schreiben, die ein anderes Projekt importieren kann</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Model…</source>
        <translation>Modell &amp;importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a model exported from another project as a run of this one, to stage its images</source>
        <translation>Ein aus einem anderen Projekt exportiertes Modell als Lauf dieses Projekts hinzufügen, um dessen Bilder zu stadieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The model was exported to %1.</source>
        <translation>Das Modell wurde nach %1 exportiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+87"/>
        <location line="+8"/>
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>The model was not exported: %1</source>
        <translation>Das Modell wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+80"/>
        <source>Import Model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>This model is already in the project as run #%1; nothing was added.</source>
        <translation>Dieses Modell ist bereits als Lauf #%1 im Projekt; es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model was imported as run #%1.</source>
        <translation>Das Modell wurde als Lauf #%1 importiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model was imported as run #%1 (%2). Predict the stage of every image with it now?</source>
        <translation>Das Modell wurde als Lauf #%1 (%2) importiert. Jetzt damit das Stadium jedes Bildes vorhersagen?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model was not imported; the project is unchanged: %1</source>
        <translation>Das Modell wurde nicht importiert; das Projekt ist unverändert: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Predict All Images</source>
        <translation>Alle Bilder vorhersagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Select a finished run under Runs and Evaluation first.</source>
        <translation>Bitte zuerst unter Läufe und Auswertung einen abgeschlossenen Lauf auswählen.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A prediction is already running.</source>
        <translation>Es läuft bereits eine Vorhersage.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>FlyStage models (*.flystage-model)</source>
        <translation>FlyStage-Modelle (*.flystage-model)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FlyStage models (*.flystage-model);;All files (*)</source>
        <translation>FlyStage-Modelle (*.flystage-model);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+53"/>
        <source>About FlyStage</source>
        <translation>Über FlyStage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;FlyStage %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;FlyStage %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Stages &lt;i&gt;Drosophila&lt;/i&gt; embryos in in-situ hybridization images: import, label, train and predict developmental stages.&lt;/p&gt;&lt;p&gt;Built with Qt %1, running on Qt %2; OpenCV %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Bestimmt die Entwicklungsstadien von &lt;i&gt;Drosophila&lt;/i&gt;-Embryonen in In-situ-Hybridisierungsbildern: Bilder importieren und labeln, Modelle trainieren und Entwicklungsstadien vorhersagen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2; OpenCV %3.&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+123"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unlabelled</source>
        <translation>
            <numerusform>%n ohne Label</numerusform>
            <numerusform>%n ohne Label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n with a precise stage</source>
        <translation>
            <numerusform>%n mit genauem Stadium</numerusform>
            <numerusform>%n mit genauem Stadium</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Run %1: %n image(s) of stage %2 predicted as %3</source>
        <translation>
            <numerusform>Lauf %1: %n Bild von Stadium %2 als %3 vorhergesagt</numerusform>
            <numerusform>Lauf %1: %n Bilder von Stadium %2 als %3 vorhergesagt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/panels/LabelMenu.cpp" line="+39"/>
        <source>The label-next queue ranks a run&apos;s predictions: train a model and store its predictions first.</source>
        <translation>Die Label-Warteschlange ordnet die Vorhersagen eines Laufs: zuerst ein Modell trainieren und seine Vorhersagen speichern.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Label next: %n image(s), least confident first</source>
        <translation>
            <numerusform>Als Nächstes labeln: %n Bild, geringste Konfidenz zuerst</numerusform>
            <numerusform>Als Nächstes labeln: %n Bilder, geringste Konfidenz zuerst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+16"/>
        <source>Select an image to label first.</source>
        <translation>Zuerst ein Bild zum Labeln auswählen.</translation>
    </message>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+86"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+9"/>
        <source>Stage %1</source>
        <translation>Stadium %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>Range %1</source>
        <translation>Stadienbereich %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>No label</source>
        <translation>Kein Label</translation>
    </message>
    <message>
        <location filename="../ui/model/LabelKeys.cpp" line="+7"/>
        <source>No prediction to accept: choose a run with predictions under Filters &gt; Run.</source>
        <translation>Keine Vorhersage zum Übernehmen: unter Filter &gt; Lauf einen Lauf mit Vorhersagen wählen.</translation>
    </message>
    <message>
        <location filename="../ui/model/DisplayNames.cpp" line="+2"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+6"/>
        <source>Predicted stage %1</source>
        <translation>Vorhergesagtes Stadium %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+2"/>
        <source>Predicted stages</source>
        <translation>Vorhergesagte Stadien</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+5"/>
        <source>%1 for image #%2</source>
        <translation>%1 für Bild #%2</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <location filename="../ui/model/LabelKeys.cpp" line="+3"/>
        <source>%1 for %n image(s)</source>
        <translation>
            <numerusform>%1 für %n Bild</numerusform>
            <numerusform>%1 für %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="+11"/>
        <source>Labelling Keys</source>
        <translation>Label-Tasten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Labelling keys</source>
        <translation>Label-Tasten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+48"/>
        <source>FlyStage — %1 (read-only)</source>
        <translation>FlyStage — %1 (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlyStage — %1</source>
        <translation>FlyStage — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open or create a project first</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The project is open read-only: labels cannot be saved. Open a copy you can write to label. Nothing was changed.</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet: Labels können nicht gespeichert werden. Öffnen Sie zum Labeln eine Kopie, die Sie schreiben dürfen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labels cannot be saved while an import is running: it holds the project until it ends. Label again when it has finished. Nothing was changed.</source>
        <translation>Labels können nicht gespeichert werden, solange ein Import läuft: Er belegt das Projekt bis zu seinem Ende. Bitte danach erneut labeln. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+39"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+17"/>
        <source>&amp;%1  %2</source>
        <translation>&amp;%1  %2</translation>
    </message>
    <message>
        <location filename="../ui/panels/WelcomePage.cpp" line="+7"/>
        <source>Open recent project %1</source>
        <translation>Zuletzt geöffnetes Projekt %1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+7"/>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/ProjectDialogs.cpp" line="-30"/>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>Import abgebrochen; das Projekt ist unverändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Import refused: %n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>Import abgelehnt: %n Problem; nichts wurde importiert.</numerusform>
            <numerusform>Import abgelehnt: %n Probleme; nichts wurde importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported %n image(s).</source>
        <translation>
            <numerusform>%n Bild importiert.</numerusform>
            <numerusform>%n Bilder importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>An import is running. Cancel it and quit? The project stays as it was before the import.</source>
        <translation>Ein Import läuft. Abbrechen und beenden? Das Projekt bleibt so, wie es vor dem Import war.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::OrientationRow</name>
    <message>
        <location filename="../ui/views/OrientationRow.cpp" line="+38"/>
        <source>How the standardizer oriented this image: anterior left and dorsal up where the embryo&apos;s shape made that clear (a flip needs 50% confidence)</source>
        <translation>Wie die Standardisierung dieses Bild ausgerichtet hat: anterior links und dorsal oben, wo die Form des Embryos das eindeutig machte (eine Spiegelung braucht 50 % Konfidenz)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Undo automatic flip</source>
        <translation>Automatische Spiegelung zurücknehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this image as it came, without the automatic flip (stored in the project; press again to flip it back)</source>
        <translation>Dieses Bild wie geliefert zeigen, ohne die automatische Spiegelung (im Projekt gespeichert; erneut drücken, um wieder zu spiegeln)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flip A-P</source>
        <translation>A-P spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap anterior and posterior of this image (stored in the project)</source>
        <translation>Anterior und posterior dieses Bildes vertauschen (im Projekt gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip D-V</source>
        <translation>D-V spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swap dorsal and ventral of this image (stored in the project)</source>
        <translation>Dorsal und ventral dieses Bildes vertauschen (im Projekt gespeichert)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Storing the orientation…</source>
        <translation>Ausrichtung wird gespeichert…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stored. Predict again for this image: its prediction was made on the old pixels.</source>
        <translation>Gespeichert. Für dieses Bild erneut vorhersagen: Seine Vorhersage wurde auf den alten Pixeln gemacht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The orientation was not stored: %1</source>
        <translation>Die Ausrichtung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Passed through as a standardized crop, never flipped automatically (cues: A-P %1%, D-V %2%)</source>
        <translation>Als standardisierter Ausschnitt übernommen, nie automatisch gespiegelt (Hinweise: A-P %1 %, D-V %2 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flipped anterior-posterior and dorsal-ventral automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>Automatisch anterior-posterior und dorsal-ventral gespiegelt (Konfidenz: A-P %1 %, D-V %2 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flipped anterior-posterior automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>Automatisch anterior-posterior gespiegelt (Konfidenz: A-P %1 %, D-V %2 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flipped dorsal-ventral automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>Automatisch dorsal-ventral gespiegelt (Konfidenz: A-P %1 %, D-V %2 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not flipped automatically (confidence: A-P %1%, D-V %2%)</source>
        <translation>Nicht automatisch gespiegelt (Konfidenz: A-P %1 %, D-V %2 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>automatic flip undone: shown as imported</source>
        <translation>automatische Spiegelung zurückgenommen: wie importiert gezeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsure: check it</source>
        <translation>unsicher: bitte prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flipped by hand: A-P and D-V</source>
        <translation>von Hand gespiegelt: A-P und D-V</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flipped by hand: A-P</source>
        <translation>von Hand gespiegelt: A-P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flipped by hand: D-V</source>
        <translation>von Hand gespiegelt: D-V</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The project is open read-only: the orientation cannot be changed</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet: Die Ausrichtung kann nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>flystage::ui::PredictController</name>
    <message>
        <location filename="../ui/dialogs/PredictProgressDialog.cpp" line="+29"/>
        <source>Predicting every image with run #%1…</source>
        <translation>Jedes Bild wird mit Lauf #%1 vorhergesagt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predict All Images</source>
        <translation>Alle Bilder vorhersagen</translation>
    </message>
</context>
<context>
    <name>flystage::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/dialogs/PreferencesDialog.cpp" line="+22"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default device</source>
        <translation>Standardgerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (GPU when there is one)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>CUDA GPU (%n found)</source>
        <translation>
            <numerusform>CUDA-GPU (%n gefunden)</numerusform>
            <numerusform>CUDA-GPU (%n gefunden)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU (none found)</source>
        <translation>CUDA-GPU (keine gefunden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where training and prediction run unless a run says otherwise</source>
        <translation>Wo Training und Vorhersage laufen, sofern ein Lauf nichts anderes festlegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads LibTorch uses on the CPU; fewer leave cores for other work</source>
        <translation>Threads, die LibTorch auf der CPU nutzt; weniger Threads lassen Kerne für andere Arbeit frei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbnail cache size</source>
        <translation>Größe des Vorschaubild-Caches</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory for decoded thumbnails; about 40 KiB each</source>
        <translation>Speicher für dekodierte Vorschaubilder; etwa 40 KiB pro Bild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language of FlyStage&apos;s windows; applies at the next start</source>
        <translation>Die Sprache der FlyStage-Fenster; gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the most probable stage inside the known range</source>
        <translation>Das wahrscheinlichste Stadium innerhalb des bekannten Bereichs bestimmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When an image has a stage range (4-6 to 13-17), Predict calls the most probable stage inside it; the unconstrained call is kept beside it. Applies to the next prediction</source>
        <translation>Hat ein Bild einen Stadienbereich (4-6 bis 13-17), bestimmt Vorhersagen das wahrscheinlichste Stadium darin; die unbeschränkte Bestimmung wird daneben aufbewahrt. Gilt für die nächste Vorhersage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labeller name</source>
        <translation>Name der/des Annotierenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unnamed</source>
        <translation>Ohne Namen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded with every label you set, so images labelled by two people give their agreement (Cohen&apos;s kappa); empty: unnamed, not counted</source>
        <translation>Wird mit jedem Label gespeichert, das Sie setzen, sodass Bilder, die zwei Personen gelabelt haben, deren Übereinstimmung ergeben (Cohens Kappa); leer: ohne Namen, nicht gezählt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What this machine offers, as LibTorch reports it</source>
        <translation>Was dieser Rechner bietet, laut LibTorch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default &amp;device:</source>
        <translation>Standard&amp;gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found:</source>
        <translation>Gefunden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thumbnail cache:</source>
        <translation>&amp;Vorschaubild-Cache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prediction:</source>
        <translation>&amp;Vorhersage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labeller &amp;name:</source>
        <translation>&amp;Name der/des Annotierenden:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language applies when FlyStage starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von FlyStage.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::RunsPanel</name>
    <message>
        <location filename="../ui/panels/RunsPanel.cpp" line="+83"/>
        <source>Runs and evaluation</source>
        <translation>Läufe und Auswertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume Run</source>
        <translation>Lauf &amp;wieder aufnehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue the current run (cancelled, failed or interrupted) from its last finished epoch</source>
        <translation>Den aktuellen Lauf (abgebrochen, fehlgeschlagen oder unterbrochen) ab seiner letzten abgeschlossenen Epoche fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;load Runs</source>
        <translation>Läufe neu &amp;laden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the project&apos;s runs again (%1)</source>
        <translation>Die Läufe des Projekts neu einlesen (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training runs</source>
        <translation>Trainingsläufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project&apos;s training runs. Select several (Ctrl or Shift) to compare their per-stage accuracy side by side.</source>
        <translation>Die Trainingsläufe des Projekts. Mehrere auswählen (Ctrl oder Shift), um ihre Genauigkeit je Stadium nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean/stage (%)</source>
        <translation>Mittel/Stadium (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean per-stage test accuracy of a finished run</source>
        <translation>Mittlere Testgenauigkeit je Stadium eines abgeschlossenen Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training time, pauses left out</source>
        <translation>Trainingsdauer ohne Pausen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Runs status</source>
        <translation>Status der Läufe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>R&amp;un:</source>
        <translation>La&amp;uf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run of the confusion matrix</source>
        <translation>Lauf der Konfusionsmatrix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which of the selected finished runs the matrix shows</source>
        <translation>Welcher der ausgewählten abgeschlossenen Läufe in der Matrix angezeigt wird</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+256"/>
        <source>Click a cell to show its test images.</source>
        <translation>Eine Zelle anklicken, um ihre Testbilder anzuzeigen.</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>Confusion matrix status</source>
        <translation>Status der Konfusionsmatrix</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run settings</source>
        <translation>Einstellungen des Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every setting of the current run, with the versions it ran with</source>
        <translation>Alle Einstellungen des aktuellen Laufs, mit den verwendeten Versionen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-stage &amp;accuracy</source>
        <translation>&amp;Genauigkeit je Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion &amp;matrix</source>
        <translation>Konfusions&amp;matrix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test sets of the selected runs</source>
        <translation>Testmengen der gewählten Läufe</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Marked as running, but not by this window: another FlyStage may be training it, or its process ended without finishing (then resume it)</source>
        <translation>Als laufend markiert, aber nicht von diesem Fenster: Eine andere FlyStage-Instanz trainiert ihn vielleicht, oder sein Prozess endete vorzeitig (dann den Lauf wieder aufnehmen)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No runs yet: train a model in the Training panel.</source>
        <translation>Noch keine Läufe: im Bereich „Training“ ein Modell trainieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project to see its runs.</source>
        <translation>Ein Projekt öffnen, um seine Läufe zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%1 on %n test image(s)</source>
        <translation>
            <numerusform>%1 auf %n Testbild</numerusform>
            <numerusform>%1 auf %n Testbildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These runs were evaluated on different test sets: %1 (another split seed, a re-split or changed test labels lie between them); their figures are not measured on the same images.</source>
        <translation>Diese Läufe wurden auf verschiedenen Testmengen ausgewertet: %1 (ein anderer Aufteilungs-Seed, eine neue Aufteilung oder geänderte Test-Labels liegen dazwischen); ihre Zahlen sind nicht auf denselben Bildern gemessen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#%1 %2 (%3, seed %4)</source>
        <translation>#%1 %2 (%3, Seed %4)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a finished run to see its confusion matrix.</source>
        <translation>Einen abgeschlossenen Lauf auswählen, um seine Konfusionsmatrix zu sehen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run #%1: %2, preset %3, seed %4</source>
        <translation>Lauf #%1: %2, Voreinstellung %3, Seed %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status: %1 · device %2 · started %3 · duration %4</source>
        <translation>Status: %1 · Gerät %2 · gestartet %3 · Dauer %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions: %1</source>
        <translation>Versionen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Run #%1: %n test image(s) of stage %2 predicted as %3.</source>
        <translation>
            <numerusform>Lauf #%1: %n Testbild von Stadium %2 als %3 vorhergesagt.</numerusform>
            <numerusform>Lauf #%1: %n Testbilder von Stadium %2 als %3 vorhergesagt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::SimilarEmbryosPanel</name>
    <message>
        <location filename="../ui/panels/SimilarEmbryosPanel.cpp" line="+41"/>
        <source>Find &amp;Similar Embryos</source>
        <translation>Ä&amp;hnliche Embryonen finden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the embryos most like the shown image by the shown run&apos;s learned feature (Ctrl+Alt+F)</source>
        <translation>Die Embryonen auflisten, die dem gezeigten Bild nach dem gelernten Merkmal des gezeigten Laufs am ähnlichsten sind (Strg+Alt+F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a network run in the browser and an image, then Find Similar Embryos.</source>
        <translation>Wählen Sie im Browser einen Netzwerklauf und ein Bild, dann Ähnliche Embryonen finden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Stadium</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gene</source>
        <translation>Gen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Indexing the run&apos;s features: %1 of %2 images…</source>
        <translation>Merkmale des Laufs werden indiziert: %1 von %2 Bildern …</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n embryo(s) most like image #%1 by run #%2</source>
        <translation>
            <numerusform>%n Embryo, der Bild #%1 nach Lauf #%2 am ähnlichsten ist</numerusform>
            <numerusform>%n Embryonen, die Bild #%1 nach Lauf #%2 am ähnlichsten sind</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled; the index is kept as it was.</source>
        <translation>Abgebrochen; der Index bleibt, wie er war.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageAccuracyPlot</name>
    <message>
        <location filename="../ui/views/StageAccuracyPlot.cpp" line="+22"/>
        <location line="+5"/>
        <source>Per-stage accuracy plot</source>
        <translation>Diagramm der Genauigkeit je Stadium</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Test accuracy of each stage 4..17, one bar per selected run. A missing bar: the run had no test image of that stage.</source>
        <translation>Testgenauigkeit jedes Stadiums 4..17, ein Balken je ausgewähltem Lauf. Fehlt ein Balken, hatte der Lauf kein Testbild dieses Stadiums.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stage</source>
        <translation>Stadium</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test accuracy (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>stage-accuracy.png</source>
        <translation>stage-accuracy.png</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>#%1 %2 (seed %3): mean %4 %</source>
        <translation>#%1 %2 (Seed %3): Mittel %4 %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No finished run selected.</source>
        <translation>Kein abgeschlossener Lauf ausgewählt.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageAccuracyTable</name>
    <message>
        <location filename="../ui/views/StageAccuracyTable.cpp" line="+43"/>
        <source>Per-stage accuracy table</source>
        <translation>Tabelle der Genauigkeit je Stadium</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy (%) of every stage and the summary figures of each selected run, as in the paper&apos;s Table II</source>
        <translation>Testgenauigkeit (%) jedes Stadiums und die zusammenfassenden Kennzahlen jedes ausgewählten Laufs, wie in Tabelle II der Publikation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mean/stage</source>
        <translation>Mittel/Stadium</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>±1 stage</source>
        <translation>±1 Stadium</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAE (stages)</source>
        <translation>MAE (Stadien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors in range</source>
        <translation>Fehler im Bereich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run&apos;s number</source>
        <translation>Die Nummer des Laufs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training method</source>
        <translation>Trainingsmethode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed of the run</source>
        <translation>Seed des Laufs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test accuracy of stage %1 (%); – when no test image has it</source>
        <translation>Testgenauigkeit von Stadium %1 (%); – wenn kein Testbild dieses Stadium hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean of the per-stage accuracies (Table II&apos;s figure), %, with its 95 % interval over the test images in brackets</source>
        <translation>Mittel der Genauigkeiten je Stadium (die Zahl aus Tabelle II), %, mit seinem 95-%-Intervall über die Testbilder in Klammern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of test images right, %</source>
        <translation>Anteil richtig erkannter Testbilder, %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share predicted within one stage, %</source>
        <translation>Anteil mit höchstens einem Stadium Abweichung, %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute stage error, in stages</source>
        <translation>Mittlerer absoluter Stadienfehler, in Stadien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the errors that stay inside the true stage range, %</source>
        <translation>Anteil der Fehler, die innerhalb des wahren Stadienbereichs bleiben, %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of test images</source>
        <translation>Anzahl der Testbilder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the table as Markdown, in the layout of the paper&apos;s Table II</source>
        <translation>Die Tabelle als Markdown kopieren, im Layout von Tabelle II der Publikation</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, range-constrained</source>
        <translation>%1, bereichsbeschränkt</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Each call kept inside the stage range a curator gave (%n of the test images had one)</source>
        <translation>
            <numerusform>Jede Bestimmung innerhalb des von Kuratoren vergebenen Stadienbereichs gehalten (%n Testbild hatte einen)</numerusform>
            <numerusform>Jede Bestimmung innerhalb des von Kuratoren vergebenen Stadienbereichs gehalten (%n der Testbilder hatten einen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Stage %1: %n test image(s)</source>
        <translation>
            <numerusform>Stadium %1: %n Testbild</numerusform>
            <numerusform>Stadium %1: %n Testbilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Mean per-stage accuracy (%) with its 95 % interval: a stratified bootstrap over the %n test image(s)</source>
        <translation>
            <numerusform>Mittlere Genauigkeit je Stadium (%) mit ihrem 95-%-Intervall: ein stratifizierter Bootstrap über das %n Testbild</numerusform>
            <numerusform>Mittlere Genauigkeit je Stadium (%) mit ihrem 95-%-Intervall: ein stratifizierter Bootstrap über die %n Testbilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::StageProbabilityChart</name>
    <message>
        <location filename="../ui/views/StageProbabilityChart.cpp" line="+14"/>
        <source>Probability of each stage</source>
        <translation>Wahrscheinlichkeit jedes Stadiums</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen run&apos;s probability for each stage 4 to 17; the predicted stage is dark, the true stage is marked with ▲</source>
        <translation>Die Wahrscheinlichkeit des gewählten Laufs für jedes Stadium 4 bis 17; das vorhergesagte Stadium ist dunkel, das wahre Stadium mit ▲ markiert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stage</source>
        <translation>Stadium</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>stage %1: %2%</source>
        <translation>Stadium %1: %2%</translation>
    </message>
</context>
<context>
    <name>flystage::ui::SummaryPanel</name>
    <message>
        <location filename="../ui/panels/SummaryPanel.cpp" line="+86"/>
        <source>Project summary</source>
        <translation>Projektübersicht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images with neither a stage range nor a stage</source>
        <translation>Bilder ohne Stadienbereich und ohne Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a precise stage</source>
        <translation>Mit genauem Stadium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images labelled with one of the stages 1 to 17</source>
        <translation>Bilder mit einem der Stadien 1 bis 17 als Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genes</source>
        <translation>Gene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinct genes named in the imported labels</source>
        <translation>Verschiedene Gene, die in den importierten Labels genannt sind</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage ranges</source>
        <translation>Stadienbereiche</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stages %1–%2</source>
        <translation>Stadien %1–%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No image has a precise stage yet.</source>
        <translation>Noch kein Bild hat ein genaues Stadium.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage %1</source>
        <translation>Stadium %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No image with a precise stage is in the split yet.</source>
        <translation>Noch kein Bild mit genauem Stadium ist in der Aufteilung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1; click to show them</source>
        <translation>%1; zum Anzeigen klicken</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n image(s) in the project</source>
        <translation>
            <numerusform>%n Bild im Projekt</numerusform>
            <numerusform>%n Bilder im Projekt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Stage range %1: %n image(s)</source>
        <translation>
            <numerusform>Stadienbereich %1: %n Bild</numerusform>
            <numerusform>Stadienbereich %1: %n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Stage %1: %n image(s)</source>
        <translation>
            <numerusform>Stadium %1: %n Bild</numerusform>
            <numerusform>Stadium %1: %n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1: %n Bild</numerusform>
            <numerusform>%1: %n Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flystage::ui::TrainingCurves</name>
    <message>
        <location filename="../ui/views/TrainingCurves.cpp" line="+59"/>
        <location line="+5"/>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Loss and accuracy after every epoch: training (solid) and validation (dashed). Dotted lines mark where a phase begins.</source>
        <translation>Verlust und Genauigkeit nach jeder Epoche: Training (durchgezogen) und Validierung (gestrichelt). Gepunktete Linien markieren den Beginn einer Phase.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+2"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation (mean per stage)</source>
        <translation>Validierung (Mittel je Stadium)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>training-curves.png</source>
        <translation>training-curves.png</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>kept: epoch %1 (%2)</source>
        <translation>behalten: Epoche %1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No epoch yet.</source>
        <translation>Noch keine Epoche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, epoch %2: training loss %3, accuracy %4 %; validation loss %5, mean per-stage accuracy %6 %.</source>
        <translation>%1, Epoche %2: Trainingsverlust %3, Genauigkeit %4 %; Validierungsverlust %5, mittlere Genauigkeit je Stadium %6 %.</translation>
    </message>
</context>
<context>
    <name>flystage::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+36"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pausing after the batch under way…</source>
        <translation>Pause nach dem laufenden Batch…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+360"/>
        <source>Training run #%1…</source>
        <translation>Trainingslauf #%1…</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Paused. Press Continue (%1) to go on; paused time does not count.</source>
        <translation>Pausiert. „Fortsetzen“ (%1) drücken, um weiterzumachen; die Pausenzeit zählt nicht.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Start Training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new training run with these settings (%1)</source>
        <translation>Einen neuen Trainingslauf mit diesen Einstellungen starten (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+197"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the training before its next batch; press again to continue. Paused time does not count in the run&apos;s duration (%1)</source>
        <translation>Das Training vor dem nächsten Batch pausieren; erneut drücken, um fortzusetzen. Die Pausenzeit zählt nicht zur Dauer des Laufs (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the training before its next batch. The run keeps its last finished epoch and can be resumed later (%1)</source>
        <translation>Das Training vor dem nächsten Batch beenden. Der Lauf behält seine letzte abgeschlossene Epoche und kann später wieder aufgenommen werden (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Resume Run</source>
        <translation>Lauf &amp;wieder aufnehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue the chosen interrupted run from its last finished epoch; it ends as an uninterrupted run would</source>
        <translation>Den gewählten unterbrochenen Lauf ab seiner letzten abgeschlossenen Epoche fortsetzen; er endet so, wie ein ununterbrochener Lauf enden würde</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+109"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the network learns: from scratch on stages (plain), range pretraining then stages (data-level), plus the feature level with the similarity loss (two-step, the paper&apos;s method), or the log-Gabor baseline</source>
        <translation>Wie das Netz lernt: von Grund auf mit Stadien (einfach), Vortraining auf Stadienbereichen und dann Stadien (Datenebene), zusätzlich die Merkmalsebene mit dem Ähnlichkeitsverlust (zweistufig, die Methode der Publikation) oder die Log-Gabor-Baseline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain (stages from scratch)</source>
        <translation>Einfach (Stadien von Grund auf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data-level (ranges, then stages)</source>
        <translation>Datenebene (erst Bereiche, dann Stadien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-step (data level, then feature level)</source>
        <translation>Zweistufig (erst Datenebene, dann Merkmalsebene)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two-step without L_S (CE only)</source>
        <translation>Zweistufig ohne L_S (nur CE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gabor baseline</source>
        <translation>Gabor-Baseline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network size and input size, with the preset&apos;s documented training defaults: paper (GPU), fast and demo (CPU), tiny (tests)</source>
        <translation>Netzgröße und Eingabegröße, mit den dokumentierten Trainings-Standardwerten der Voreinstellung: paper (GPU), fast und demo (CPU), tiny (Tests)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;reset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="+139"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the network trains: CUDA when a GPU is found (automatic), or always the CPU</source>
        <translation>Wo das Netz trainiert: CUDA, wenn eine GPU gefunden wird (automatisch), oder immer die CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+21"/>
        <source>No CUDA GPU was found by LibTorch</source>
        <translation>LibTorch hat keine CUDA-GPU gefunden</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="-5"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16 runs the forward pass in bfloat16: about 1.7x faster on a CPU with AVX-512 BF16, with the same accuracy; float32 gives the same run on every machine</source>
        <translation>bfloat16 rechnet den Vorwärtsdurchlauf in bfloat16: etwa 1,7-mal schneller auf einer CPU mit AVX-512 BF16, bei gleicher Treffsicherheit; float32 ergibt auf jedem Rechner denselben Lauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bfloat16 (faster on this CPU)</source>
        <translation>bfloat16 (auf dieser CPU schneller)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16 (emulated: slower on this CPU)</source>
        <translation>bfloat16 (emuliert: auf dieser CPU langsamer)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Pre&amp;cision:</source>
        <translation>Ge&amp;nauigkeit:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads LibTorch uses on the CPU; 0 uses every core</source>
        <translation>Threads, die LibTorch auf der CPU nutzt; 0 nutzt alle Kerne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the weights, the shuffles and the flips: the same seed and settings give the same model</source>
        <translation>Initialisiert die Gewichte, das Mischen und die Spiegelungen: derselbe Seed und dieselben Einstellungen ergeben dasselbe Modell</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>How each phase&apos;s rate falls: by the factor below at fractions of the phase&apos;s length (step), smoothly to 0 (cosine), or at fixed epochs of every phase (the rule of older runs)</source>
        <translation>Wie die Rate jeder Phase fällt: um den Faktor unten bei Bruchteilen der Phasenlänge (Stufen), gleitend auf 0 (Kosinus) oder bei festen Epochen jeder Phase (die Regel älterer Läufe)</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Fallbac&amp;k:</source>
        <translation>Ersat&amp;z:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference fallback</source>
        <translation>Ersatz für Referenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The references of a stage that no training image passes tau for: every training image of the stage (the authors&apos; code) or its single most confident image</source>
        <translation>Die Referenzen eines Stadiums, für das kein Trainingsbild tau überschreitet: jedes Trainingsbild des Stadiums (der Code der Autoren) oder sein einzelnes sicherstes Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All images of the stage</source>
        <translation>Alle Bilder des Stadiums</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most confident image</source>
        <translation>Sicherstes Bild</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Temperat&amp;ure:</source>
        <translation>Temperat&amp;ur:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Similarity temperature</source>
        <translation>Temperatur der Ähnlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper variant: softmax(cosine / T); 1 is the paper, smaller values sharpen L_S</source>
        <translation>Variante der Veröffentlichung: softmax(Kosinus / T); 1 ist die Veröffentlichung, kleinere Werte schärfen L_S</translation>
    </message>
    <message>
        <location line="+74"/>
        <location filename="../ui/panels/TrainingForm.cpp" line="+10"/>
        <source>Continue from run</source>
        <translation>Fortsetzen ab Lauf</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+1"/>
        <source>Two-step only: start the feature level from a finished data-level or two-step run instead of pretraining again</source>
        <translation>Nur zweistufig: die Merkmalsebene von einem abgeschlossenen Datenebenen- oder zweistufigen Lauf aus beginnen, statt erneut vorzutrainieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue &amp;from:</source>
        <translation>Fortsetzen a&amp;b:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fresh split, seed</source>
        <translation>Neue Aufteilung, Seed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fresh split</source>
        <translation>Neue Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new stratified train/validation/test split for this run (repeated-split evaluation); the project&apos;s own split is unchanged</source>
        <translation>Für diesen Lauf eine neue stratifizierte Trainings-/Validierungs-/Test-Aufteilung ziehen (Auswertung mit wiederholter Aufteilung); die Aufteilung des Projekts bleibt unverändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split seed</source>
        <translation>Seed der Aufteilung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed of this run&apos;s own split</source>
        <translation>Seed der eigenen Aufteilung dieses Laufs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="-265"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD learning rate of the range, fine and plain phases</source>
        <translation>SGD-Lernrate der Phasen Bereich, Feinabstimmung und einfach</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Learning-rate steps</source>
        <translation>Lernratenschritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs at which the learning rate is multiplied by the factor below, e.g. &quot;20, 30&quot;</source>
        <translation>Epochen, nach denen die Lernrate mit dem Faktor unten multipliziert wird, z. B. „20, 30“</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Rate &amp;steps at epochs:</source>
        <translation>Lernraten&amp;schritte bei Epochen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rate sc&amp;hedule:</source>
        <translation>Raten&amp;plan:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning-rate schedule</source>
        <translation>Plan der Lernrate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step at fractions of each phase</source>
        <translation>Stufen bei Bruchteilen jeder Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine to 0 over each phase</source>
        <translation>Kosinus auf 0 über jede Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed epochs (older runs)</source>
        <translation>Feste Epochen (ältere Läufe)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rate dr&amp;ops at:</source>
        <translation>Rate fä&amp;llt bei:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning-rate milestones</source>
        <translation>Meilensteine der Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step schedule: fractions of each phase&apos;s epochs at which the rate is multiplied by the factor below, e.g. &quot;0.5, 0.75&quot; (a 16-epoch phase drops at epochs 9 and 13)</source>
        <translation>Stufenplan: Bruchteile der Epochen jeder Phase, bei denen die Rate mit dem Faktor unten multipliziert wird, z. B. &quot;0.5, 0.75&quot; (eine Phase mit 16 Epochen fällt bei Epoche 9 und 13)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Learning-rate factor</source>
        <translation>Lernratenfaktor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Factor applied at each step</source>
        <translation>Faktor, der bei jedem Schritt angewendet wird</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step &amp;factor:</source>
        <translation>Schritt&amp;faktor:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SGD momentum</source>
        <translation>SGD-Momentum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Momentum:</source>
        <translation>M&amp;omentum:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 weight decay of SGD</source>
        <translation>L2-Weight-Decay von SGD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Weight decay:</source>
        <translation>&amp;Weight Decay:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images per SGD step</source>
        <translation>Bilder pro SGD-Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Random flips</source>
        <translation>Zufällige Spiegelungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip training images horizontally and vertically with probability 0.5 (not in the feature level)</source>
        <translation>Trainingsbilder mit Wahrscheinlichkeit 0,5 horizontal und vertikal spiegeln (nicht auf der Merkmalsebene)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model selectio&amp;n:</source>
        <translation>Modellaus&amp;wahl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model selection</source>
        <translation>Modellauswahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which epoch each phase keeps. Automatic: the lowest validation loss when every stage has enough validation images, else the last epoch, with the validation images trained on (one image per stage cannot tell epochs apart)</source>
        <translation>Welche Epoche jede Phase behält. Automatisch: der niedrigste Validierungsverlust, wenn jedes Stadium genug Validierungsbilder hat, sonst die letzte Epoche, mit den Validierungsbildern im Training (ein Bild je Stadium kann Epochen nicht unterscheiden)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last epoch</source>
        <translation>Letzte Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest validation loss</source>
        <translation>Niedrigster Validierungsverlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best validation accuracy (ties: loss)</source>
        <translation>Beste Validierungsgenauigkeit (Gleichstand: Verlust)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First best validation accuracy</source>
        <translation>Erste beste Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation images per sta&amp;ge:</source>
        <translation>Validierungsbilder je Sta&amp;dium:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation images per stage for selection</source>
        <translation>Validierungsbilder je Stadium für die Auswahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic selection: the validation images every stage needs before the epochs are compared</source>
        <translation>Automatische Auswahl: die Validierungsbilder, die jedes Stadium braucht, bevor die Epochen verglichen werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plain epochs</source>
        <translation>Epochen (einfach)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs of plain training</source>
        <translation>Epochen des einfachen Trainings</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Plain epochs:</source>
        <translation>Epochen (e&amp;infach):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Range epochs</source>
        <translation>Epochen (Bereiche)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of range pretraining (data-level step 1)</source>
        <translation>Epochen des Vortrainings auf Stadienbereichen (Datenebene, Schritt 1)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Range epochs:</source>
        <translation>Epochen (Be&amp;reiche):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage epochs</source>
        <translation>Epochen (Stadien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of stage fine-tuning (data-level step 2)</source>
        <translation>Epochen der Feinabstimmung auf Stadien (Datenebene, Schritt 2)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Stage &amp;epochs:</source>
        <translation>Epochen (Sta&amp;dien):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature-level epochs</source>
        <translation>Epochen (Merkmalsebene)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of the feature level (fine-tuning with the similarity loss)</source>
        <translation>Epochen der Merkmalsebene (Feinabstimmung mit dem Ähnlichkeitsverlust)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Feature-level e&amp;pochs:</source>
        <translation>Epochen (Merkmalse&amp;bene):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature-level learning rate</source>
        <translation>Lernrate der Merkmalsebene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD learning rate of the feature level</source>
        <translation>SGD-Lernrate der Merkmalsebene</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Feature-level r&amp;ate:</source>
        <translation>Lernrate (Merkmals&amp;ebene):</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+2"/>
        <source>Feature level</source>
        <translation>Merkmalsebene</translation>
    </message>
    <message>
        <location filename="../ui/model/TrainSettings.cpp" line="+9"/>
        <source>Similarity loss</source>
        <translation>Ähnlichkeitsverlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paper&apos;s Eq. 4-6 (cosine between features) or the authors&apos; code (products of logits)</source>
        <translation>Gl. 4–6 der Publikation (Kosinus zwischen Merkmalen) oder der Code der Autoren (Produkte von Logits)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper (cosine of features)</source>
        <translation>Publikation (Kosinus der Merkmale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors&apos; code (logits)</source>
        <translation>Code der Autoren (Logits)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Similarity &amp;loss:</source>
        <translation>Ähnlichkeits&amp;verlust:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reference criterion</source>
        <translation>Referenzkriterium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which training images may serve as references: probability above tau, or top-1 minus top-2 logit above tau</source>
        <translation>Welche Trainingsbilder als Referenzen dienen dürfen: Wahrscheinlichkeit über Tau oder Top-1- minus Top-2-Logit über Tau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logit margin</source>
        <translation>Logit-Abstand</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Reference &amp;criterion:</source>
        <translation>Referenz&amp;kriterium:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tau</source>
        <translation>Tau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Threshold for reference images</source>
        <translation>Schwellenwert für Referenzbilder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Tau:</source>
        <translation>&amp;Tau:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference sets</source>
        <translation>Referenzmengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k: reference sets drawn, one per batch</source>
        <translation>k: gezogene Referenzmengen, eine pro Batch</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reference &amp;sets (k):</source>
        <translation>Referenz&amp;mengen (k):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Similarity weight</source>
        <translation>Ähnlichkeitsgewicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>w in L = L_CE + w · L_S (the paper: 1)</source>
        <translation>w in L = L_CE + w · L_S (in der Publikation: 1)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Similarity &amp;weight:</source>
        <translation>Ähnlichkeits&amp;gewicht:</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+12"/>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set every hyperparameter back to the preset&apos;s documented defaults</source>
        <translation>Alle Hyperparameter auf die dokumentierten Standardwerte der Voreinstellung zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore &amp;Defaults</source>
        <translation>&amp;Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+41"/>
        <source>&amp;Interrupted runs:</source>
        <translation>&amp;Unterbrochene Läufe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted runs</source>
        <translation>Unterbrochene Läufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs that were cancelled, failed, or stopped with their process; resuming one repeats exactly what an uninterrupted run does</source>
        <translation>Läufe, die abgebrochen wurden, fehlgeschlagen sind oder mit ihrem Prozess endeten; die Wiederaufnahme führt genau das aus, was ein ununterbrochener Lauf getan hätte</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+23"/>
        <location line="+27"/>
        <source>Not training.</source>
        <translation>Kein Training aktiv.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phase, epoch and batch being trained</source>
        <translation>Die Phase, Epoche und der Batch, die gerade trainiert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the run&apos;s training done, over all its phases</source>
        <translation>Erledigter Anteil des Trainings des Laufs, über alle Phasen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Speed and time left</source>
        <translation>Geschwindigkeit und Restzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per second in this epoch and the estimated time left; paused time is not counted</source>
        <translation>Bilder pro Sekunde in dieser Epoche und die geschätzte Restzeit; Pausenzeit wird nicht gezählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training status</source>
        <translation>Trainingsstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the training is doing, or how it ended</source>
        <translation>Was das Training gerade tut oder wie es endete</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+26"/>
        <source>Open a project to train a model.</source>
        <translation>Ein Projekt öffnen, um ein Modell zu trainieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>The project is open read-only: training needs a copy you can write.</source>
        <translation>Das Projekt ist schreibgeschützt geöffnet: Training braucht eine Kopie, die Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingForm.cpp" line="+97"/>
        <source>None: pretrain first</source>
        <translation>Keiner: zuerst vortrainieren</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="-27"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Why training cannot start</source>
        <translation>Warum das Training nicht starten kann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the project needs before a run with these settings can train</source>
        <translation>Was das Projekt braucht, bevor ein Lauf mit diesen Einstellungen trainieren kann</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Import a labels CSV with a stage column (File &gt; Import Images…, Labels CSV)</source>
        <translation>Eine Label-CSV mit einer Spalte stage importieren (Datei &gt; Bilder importieren…, Label-CSV)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>No image has a precise stage 4–17 to train on (%n image(s) have only a stage range).</source>
        <translation>
            <numerusform>Kein Bild hat ein genaues Stadium 4–17 zum Trainieren (%n Bild hat nur einen Stadienbereich).</numerusform>
            <numerusform>Kein Bild hat ein genaues Stadium 4–17 zum Trainieren (%n Bilder haben nur einen Stadienbereich).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No image has a precise stage 4–17 to train on.</source>
        <translation>Kein Bild hat ein genaues Stadium 4–17 zum Trainieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, or label images with a stage (the digit keys in the browser).</source>
        <translation>%1, oder Bilder mit einem Stadium labeln (die Zifferntasten im Browser).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>None of the %n image(s) with a precise stage is in the training part (all are in validation or test). Label more images with a stage, or draw the split again (flystage-cli split --reset).</source>
        <translation>
            <numerusform>Das %n Bild mit genauem Stadium ist nicht im Trainingsteil (es liegt in Validierung oder Test). Mehr Bilder mit einem Stadium labeln oder die Aufteilung neu ziehen (flystage-cli split --reset).</numerusform>
            <numerusform>Keines der %n Bilder mit genauem Stadium ist im Trainingsteil (alle liegen in Validierung oder Test). Mehr Bilder mit einem Stadium labeln oder die Aufteilung neu ziehen (flystage-cli split --reset).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The training part has one stage only (stage %1, %n image(s)); a classifier needs at least two. %2, or label images of other stages.</source>
        <translation>
            <numerusform>Der Trainingsteil hat nur ein Stadium (Stadium %1, %n Bild); ein Klassifikator braucht mindestens zwei. %2, oder Bilder anderer Stadien labeln.</numerusform>
            <numerusform>Der Trainingsteil hat nur ein Stadium (Stadium %1, %n Bilder); ein Klassifikator braucht mindestens zwei. %2, oder Bilder anderer Stadien labeln.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Two-step needs a training image of every stage 4–17 (its feature level takes a reference image of each); none of stage %1. Label or import images of those stages, or choose the data-level method.</source>
        <translation>Zweistufig braucht ein Trainingsbild jedes Stadiums 4–17 (seine Merkmalsebene nimmt von jedem ein Referenzbild); für Stadium %1 gibt es keins. Bilder dieser Stadien labeln oder importieren, oder die Methode Datenebene wählen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 pretrains on stage ranges, but no image outside the test part has a range a curator gave. Import the stage ranges (a labels CSV with a stage_range column), or choose the plain method.</source>
        <translation>%1 trainiert auf Stadienbereichen vor, aber kein Bild außerhalb des Testteils hat einen von Kuratoren vergebenen Bereich. Die Stadienbereiche importieren (eine Label-CSV mit einer Spalte stage_range) oder die einfache Methode wählen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a project first.</source>
        <translation>Zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no run #%1.</source>
        <translation>Es gibt keinen Lauf #%1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run #%1 has already finished.</source>
        <translation>Lauf #%1 ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 cannot be resumed (a Gabor run has no epochs); train it again.</source>
        <translation>Lauf #%1 kann nicht wieder aufgenommen werden (ein Gabor-Lauf hat keine Epochen); erneut trainieren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resume Run</source>
        <translation>Lauf wieder aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 is marked as running. Resume it only if no other FlyStage window or command is training it (its process was closed or crashed). Resume it here?</source>
        <translation>Lauf #%1 ist als laufend markiert. Nur wieder aufnehmen, wenn kein anderes FlyStage-Fenster und kein anderer Befehl ihn trainiert (sein Prozess wurde beendet oder ist abgestürzt). Hier wieder aufnehmen?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling before the next batch…</source>
        <translation>Abbruch vor dem nächsten Batch…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training cancelled.</source>
        <translation>Training abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+21"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingPanel.cpp" line="+10"/>
        <source>Resuming run #%1…</source>
        <translation>Lauf #%1 wird wieder aufgenommen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting a new run…</source>
        <translation>Neuer Lauf wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/panels/TrainingProgress.cpp" line="+15"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phase %1 of %2: %3…</source>
        <translation>Phase %1 von %2: %3…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phase %1 of %2: %3 · epoch %4 of %5 · batch %6 of %7</source>
        <translation>Phase %1 von %2: %3 · Epoche %4 von %5 · Batch %6 von %7</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 images/s</source>
        <translation>%1 Bilder/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · %1 elapsed</source>
        <translation> · %1 vergangen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 finished.</source>
        <translation>Lauf #%1 abgeschlossen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run #%1 finished in %2: mean per-stage accuracy %3 % on %4 test images (within one stage: %5 %).</source>
        <translation>Lauf #%1 in %2 abgeschlossen: mittlere Genauigkeit je Stadium %3 % auf %4 Testbildern (innerhalb eines Stadiums: %5 %).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 was cancelled. It keeps its last finished epoch: choose it under Interrupted runs and Resume to continue.</source>
        <translation>Lauf #%1 wurde abgebrochen. Er behält seine letzte abgeschlossene Epoche: zum Fortsetzen unter „Unterbrochene Läufe“ auswählen und „Lauf wieder aufnehmen“ wählen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 failed: %2</source>
        <translation>Lauf #%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run could not start: %1</source>
        <translation>Der Lauf konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+50"/>
        <source>Stage Drosophila embryos in in-situ hybridization images.</source>
        <translation>Entwicklungsstadien von Drosophila-Embryonen in In-situ-Hybridisierungsbildern bestimmen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The .flystage project to open (default: the last one).</source>
        <translation>Das zu öffnende .flystage-Projekt (Standard: das zuletzt geöffnete).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bring a view to the front: browser, training, runs, confusion, gems, agreement or similar (with --image: the embryos most like it).</source>
        <translation>Eine Ansicht nach vorn bringen: browser, training, runs, confusion, gems, agreement oder similar (mit --image: die ihm ähnlichsten Embryonen).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save a picture of the window to &lt;file&gt; once it is shown, then quit (documentation and smoke tests).</source>
        <translation>Ein Bild des Fensters nach &lt;file&gt; speichern, sobald es angezeigt wird, und dann beenden (Dokumentation und Smoke-Tests).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Milliseconds to wait before the screenshot (default 1500).</source>
        <translation>Wartezeit in Millisekunden vor dem Bildschirmfoto (Standard: 1500).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this run&apos;s predictions, evaluation and expression maps.</source>
        <translation>Die Vorhersagen, die Auswertung und die Expressionskarten dieses Laufs zeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select this image (its #id) and show it up close.</source>
        <translation>Dieses Bild (seine #ID) auswählen und groß zeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn the image view&apos;s saliency overlay on, with this method: %1 (screenshots wait for the map).</source>
        <translation>Die Salienz-Überlagerung der Bildansicht mit dieser Methode einschalten: %1 (Bildschirmfotos warten auf die Karte).</translation>
    </message>
</context>
</TS>
