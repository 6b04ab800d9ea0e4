/**
 * essaylint for VS Code: starts `essaylint server` (a language server over stdio) for Markdown
 * files and shows the document's completeness in the status bar.
 *
 * Everything else (diagnostics, the per-question count hints and code lenses, hover, quick fixes,
 * the outline) comes from the server through vscode-languageclient; the commands the server
 * advertises (`essaylint.addWord`, `essaylint.disableRule`) are registered by the client library
 * from the server's `executeCommandProvider`, so they are not declared here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  NotificationType,
  ServerOptions,
} from "vscode-languageclient/node";

/** The editor settings the server reads, under the key `essaylint`. */
interface ServerSettings {
  model: boolean;
  debounceMs: number;
}

/** Params of the server's `essaylint/status` notification. */
interface StatusParams {
  uri: string;
  score: number;
  questions: number;
  complete: number;
  text: string;
}

const statusNotification = new NotificationType<StatusParams>("essaylint/status");

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
let output: vscode.OutputChannel;
const statusByUri = new Map<string, StatusParams>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("essaylint");
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusItem.name = "essaylint";
  statusItem.tooltip = "essaylint: completeness of this document (answered questions)";
  statusItem.command = "workbench.actions.view.problems";
  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand("essaylint.restartServer", restart),
    vscode.commands.registerCommand("essaylint.showOutput", () => output.show()),
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((doc) => statusByUri.delete(doc.uri.toString())),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // model and debounceMs reach the server as workspace/didChangeConfiguration (the client's
      // `synchronize.configurationSection`); a new executable needs a new process.
      if (event.affectsConfiguration("essaylint.path")) {
        await restart();
      }
    }),
    { dispose: () => void client?.stop() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function start(): Promise<void> {
  const command = serverExecutable();
  const executable: Executable = {
    command,
    args: ["server"],
    options: { cwd: workspaceRoot() },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: "markdown", scheme: "file" },
      { language: "markdown", scheme: "untitled" },
    ],
    initializationOptions: { essaylint: serverSettings() },
    synchronize: { configurationSection: "essaylint" },
    outputChannel: output,
  };
  const next = new LanguageClient("essaylint", "essaylint", serverOptions, clientOptions);
  next.onNotification(statusNotification, (params) => {
    statusByUri.set(params.uri, params);
    showStatus(vscode.window.activeTextEditor);
  });
  try {
    await next.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`could not start '${command} server': ${message}`);
    void vscode.window
      .showErrorMessage(
        `essaylint: could not start '${command} server'. Install essaylint (pip install essaylint) ` +
          "in the workspace's .venv or on PATH, or set essaylint.path.",
        "Open Settings",
      )
      .then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand("workbench.action.openSettings", "essaylint.path");
        }
      });
    return;
  }
  client = next;
  output.appendLine(`started '${command} server'`);
  showStatus(vscode.window.activeTextEditor);
}

async function restart(): Promise<void> {
  const previous = client;
  client = undefined;
  statusByUri.clear();
  showStatus(undefined);
  await previous?.stop();
  await start();
}

function serverSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration("essaylint");
  return {
    model: config.get<boolean>("model", true),
    debounceMs: config.get<number>("debounceMs", 150),
  };
}

function workspaceRoot(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/**
 * The executable: `essaylint.path` if set (`~` and paths relative to the first workspace folder
 * are resolved), else the first workspace folder's `.venv` that has one, else `essaylint` on PATH.
 */
export function serverExecutable(): string {
  const configured = vscode.workspace.getConfiguration("essaylint").get<string>("path", "").trim();
  const root = workspaceRoot();
  if (configured) {
    const expanded = configured.startsWith("~")
      ? path.join(os.homedir(), configured.slice(1))
      : configured;
    const isBareName = !expanded.includes("/") && !expanded.includes("\\");
    if (isBareName || path.isAbsolute(expanded) || !root) {
      return expanded;
    }
    return path.resolve(root, expanded);
  }
  const venvBinary =
    process.platform === "win32"
      ? path.join(".venv", "Scripts", "essaylint.exe")
      : path.join(".venv", "bin", "essaylint");
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = path.join(folder.uri.fsPath, venvBinary);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return "essaylint";
}

/** The status of the active Markdown document, or nothing for other editors. */
function showStatus(editor: vscode.TextEditor | undefined): void {
  const status = editor ? statusByUri.get(editor.document.uri.toString()) : undefined;
  if (!status || editor?.document.languageId !== "markdown") {
    statusItem.hide();
    return;
  }
  statusItem.text = `$(checklist) ${status.text}`;
  statusItem.show();
}
