/** A piece of background work that the server starts once and stops on shutdown. */
export interface BackgroundService {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
